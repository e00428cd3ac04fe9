package dev.pathwise.api.interop.casestandards;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code case_associations} table: every CFAssociation of a document, as published, with how it was used. */
@Repository
class CaseAssociationRepository {

    private final JdbcClient jdbc;

    CaseAssociationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An association as stored (body null for rows kept from before). */
    record StoredAssociation(
            String identifier, String type, String origin, String destination, String role, String body) {}

    /** The document's associations in package order. */
    List<StoredAssociation> of(String tenantId, String document) {
        return jdbc.sql("select identifier, association_type as type, origin_identifier as origin,"
                        + " destination_identifier as destination, role, body"
                        + " from case_associations where tenant_id = :t and document_identifier = :d"
                        + " order by package_position, identifier")
                .param("t", tenantId)
                .param("d", document)
                .query(StoredAssociation.class)
                .list();
    }

    /** Replaces the document's associations with the package's, each with its role. */
    void replace(String tenantId, CasePackage pkg, Map<String, String> roles) {
        String document = pkg.document().identifier();
        jdbc.sql("delete from case_associations where tenant_id = :t and document_identifier = :d")
                .param("t", tenantId)
                .param("d", document)
                .update();
        for (CasePackage.Association a : pkg.associations()) {
            jdbc.sql("insert into case_associations (tenant_id, document_identifier, identifier, package_position,"
                            + " association_type, origin_identifier, origin_uri, destination_identifier,"
                            + " destination_uri, sequence_number, role, body)"
                            + " values (:t, :d, :i, :p, :ty, :o, :ou, :de, :du, :s, :r, :b)")
                    .param("t", tenantId)
                    .param("d", document)
                    .param("i", a.identifier())
                    .param("p", a.index())
                    .param("ty", a.associationType())
                    .param("o", a.originIdentifier())
                    .param("ou", a.origin().uri())
                    .param("de", a.destinationIdentifier())
                    .param("du", a.destination().uri())
                    .param("s", a.sequenceNumber())
                    .param("r", roles.get(a.identifier()))
                    .param("b", a.body().toString())
                    .update();
        }
    }
}
