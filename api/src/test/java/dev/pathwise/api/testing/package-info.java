/**
 * Support for the api tests, shared by every feature's tests: {@link dev.pathwise.api.testing.Http} (real requests
 * to a running server), {@link dev.pathwise.api.testing.TestDistrict} (a fresh tenant with a framework, and the one
 * {@code evidence(...)} the tests send), {@link dev.pathwise.api.testing.DistrictFixture} (a district with people
 * and classes made through the API only), {@link dev.pathwise.api.testing.Browser} (cookies, redirects followed by
 * hand) and {@link dev.pathwise.api.testing.ControllerSlice} (a web slice of one controller with the real key and
 * role checks), with {@link dev.pathwise.api.testing.SliceKeys} (its keys),
 * {@link dev.pathwise.api.testing.SliceRequests} (requests with a key and a JSON body) and
 * {@link dev.pathwise.api.testing.Refusals} (what a problem answer must name).
 */
package dev.pathwise.api.testing;
