package dev.pathwise.api.users;

import dev.pathwise.api.tenant.ApiKeyAuthenticator;
import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.TenantService;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The caller a signed-in person is, looked up afresh on every request: a user disabled or removed since, or a tenant
 * disabled since, signs nobody in.
 */
@Component
public class UserCallers {

    private final UserRepository users;
    private final TenantService tenants;

    public UserCallers(UserRepository users, TenantService tenants) {
        this.users = users;
        this.tenants = tenants;
    }

    /** The user as a caller, or empty when the user is gone or disabled; a disabled tenant is a 401. */
    public Optional<Caller> caller(String tenantId, String userId, String label) {
        Optional<UserRepository.User> user = users.find(tenantId, userId).filter(UserRepository.User::active);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        ApiKeyAuthenticator.requireActiveTenant(
                tenantId, tenants.require(tenantId).status());
        return user.map(u -> of(u, label));
    }

    public static Caller of(UserRepository.User user, String label) {
        return new Caller(
                user.tenantId(), user.roles(), label, new Caller.Person(user.id(), user.username(), user.name()));
    }
}
