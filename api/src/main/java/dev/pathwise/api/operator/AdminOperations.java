package dev.pathwise.api.operator;

import dev.pathwise.api.tenant.KeyService;
import dev.pathwise.api.tenant.TenantService;
import java.util.List;

/** What {@code pathwise admin} does, on the database or through a running service. */
interface AdminOperations extends AutoCloseable {

    List<TenantService.TenantJson> list();

    TenantService.CreatedTenant create(String tenantId, String name);

    TenantService.TenantJson disable(String tenantId);

    TenantService.TenantJson enable(String tenantId);

    KeyService.CreatedKey adminKey(String tenantId, String label);

    OperatorKeys.CreatedOperatorKey createOperatorKey(String scope, String label);

    List<OperatorKeys.OperatorKey> operatorKeys();

    OperatorKeys.OperatorKey revokeOperatorKey(String keyId);

    @Override
    void close();

    /** The database or the service cannot be reached; the message says why and what to do. */
    final class Unavailable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
