/**
 * CASE 1.0 (1EdTech Competencies and Academic Standards Exchange) packages as framework servers publish them: each
 * CFDocument becomes one of the tenant's frameworks (a later package of the same document updates it), CFItems its
 * competencies, {@code isChildOf} the hierarchy and {@code precedes} the prerequisites; associations to nodes outside
 * the package are kept as external references. The package is kept as published and served back through the CASE
 * REST binding ({@code GET /ims/case/v1p0/CFPackages/{id}}).
 */
package dev.pathwise.api.interop.casestandards;
