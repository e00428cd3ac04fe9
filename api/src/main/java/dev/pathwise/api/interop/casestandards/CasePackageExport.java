package dev.pathwise.api.interop.casestandards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathwise.api.framework.CompetencyJson;
import dev.pathwise.api.framework.FrameworkRepository;
import dev.pathwise.api.framework.FrameworkRepository.StoredFramework;
import dev.pathwise.api.framework.FrameworkService;
import dev.pathwise.api.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * A framework as a CASE 1.0 {@code CFPackage}, as {@code GET /ims/case/v1p0/CFPackages/{id}} serves it. What came from
 * a CASE package is served as it was published (document, items, associations, definitions, rubrics); what Pathwise
 * holds beyond it (competencies made here, links not in the package) is written as CASE items and {@code isChildOf} /
 * {@code precedes} associations. Where importing the package into another tenant would not give the same ids, the
 * Pathwise ids ride along in {@code extensions}, which other CASE consumers ignore.
 */
@Service
public class CasePackageExport {

    private static final Pattern UUID_FORM =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final FrameworkRepository frameworks;
    private final CaseDocumentRepository documents;
    private final CaseItemRepository items;
    private final CaseAssociationRepository associations;
    private final ObjectMapper json;

    public CasePackageExport(
            FrameworkRepository frameworks,
            CaseDocumentRepository documents,
            CaseItemRepository items,
            CaseAssociationRepository associations,
            ObjectMapper json) {
        this.frameworks = frameworks;
        this.documents = documents;
        this.items = items;
        this.associations = associations;
        this.json = json;
    }

    /**
     * @param id      the framework's CASE document identifier (or its Pathwise id)
     * @param baseUrl the service's URL, for the {@code uri} of what Pathwise writes
     */
    public ObjectNode cfPackage(String tenantId, String id, String baseUrl) {
        StoredFramework framework = frameworks
                .findByCaseDocument(tenantId, id)
                .or(() -> frameworks.find(tenantId, id))
                .orElseThrow(() -> ApiProblem.notFound(
                        "id",
                        id,
                        "id: no framework of this tenant is kept as CASE" + " document '" + id
                                + "'; GET /v1/frameworks lists them with their caseDocumentIdentifier"));
        String document = framework.caseDocument() != null
                ? framework.caseDocument()
                : FrameworkService.documentIdentifier(tenantId, framework.id());
        String base = baseUrl + "/ims/case/v1p0/";
        String changed =
                DateTimeFormatter.ISO_INSTANT.format(framework.updatedAt().truncatedTo(ChronoUnit.SECONDS));
        var stored = documents.find(tenantId, document);

        ObjectNode pkg = json.createObjectNode();
        ObjectNode cfDocument = stored.map(d -> (ObjectNode) read(d.document())).orElseGet(() -> {
            ObjectNode d = json.createObjectNode();
            d.put("identifier", document)
                    .put("uri", base + "CFDocuments/" + document)
                    .put("creator", "Pathwise")
                    .put("title", framework.name())
                    .put("lastChangeDateTime", changed);
            d.putObject("CFPackageURI")
                    .put("title", framework.name())
                    .put("identifier", document)
                    .put("uri", base + "CFPackages/" + document);
            return d;
        });
        if (!framework.id().equals(document)) {
            cfDocument.withObject("extensions").put(CasePackage.FRAMEWORK_ID_EXTENSION, framework.id());
        }
        pkg.set("CFDocument", cfDocument);
        ObjectNode documentLink = link(
                cfDocument.path("title").asText(framework.name()),
                document,
                cfDocument.path("uri").asText(base + "CFDocuments/" + document));

        Map<String, CaseItemRepository.StoredItem> published = new HashMap<>();
        items.of(tenantId, document).stream()
                .filter(i -> i.inFramework() && i.body() != null)
                .forEach(i -> published.put(i.identifier(), i));
        Map<String, String> identifierOf = new HashMap<>();
        Map<String, ObjectNode> itemNodes = new HashMap<>();
        List<ObjectNode> fromPackage = new ArrayList<>();
        List<ObjectNode> written = new ArrayList<>();
        List<String> packageOrder = items.of(tenantId, document).stream()
                .map(CaseItemRepository.StoredItem::identifier)
                .toList();
        for (CompetencyJson c : framework.competencies()) {
            CaseItemRepository.StoredItem item = c.externalId() == null ? null : published.get(c.externalId());
            String identifier = item != null ? item.identifier() : identifier(document, c);
            identifierOf.put(c.id(), identifier);
            ObjectNode node = item != null
                    ? (ObjectNode) read(item.body())
                    : writtenItem(c, identifier, base, changed, documentLink);
            itemNodes.put(c.id(), node);
            (item != null ? fromPackage : written).add(node);
        }
        fromPackage.sort(java.util.Comparator.comparingInt(
                n -> packageOrder.indexOf(n.path("identifier").asText())));
        ArrayNode cfItems = pkg.putArray("CFItems");
        fromPackage.forEach(cfItems::add);
        written.forEach(cfItems::add);
        carryCompetencyIds(framework, itemNodes);

        ArrayNode cfAssociations = pkg.putArray("CFAssociations");
        Set<String> itemIdentifiers = new HashSet<>(identifierOf.values());
        Set<String> covered = new HashSet<>();
        Set<String> dropped = new HashSet<>(packageOrder);
        dropped.removeAll(itemIdentifiers);
        for (CaseAssociationRepository.StoredAssociation a : associations.of(tenantId, document)) {
            if (a.body() == null || dropped.contains(a.origin()) || dropped.contains(a.destination())) {
                continue;
            }
            cfAssociations.add(read(a.body()));
            covered.add(a.type() + " " + a.origin() + " " + a.destination());
        }
        Map<String, Integer> siblings = new HashMap<>();
        for (CompetencyJson c : framework.competencies()) {
            String origin = identifierOf.get(c.id());
            String parent = c.parentId() == null ? null : identifierOf.get(c.parentId());
            int sequence = siblings.merge(String.valueOf(c.parentId()), 1, Integer::sum);
            if (parent != null && !covered.contains(CasePackage.IS_CHILD_OF + " " + origin + " " + parent)) {
                cfAssociations.add(association(
                        document,
                        CasePackage.IS_CHILD_OF,
                        itemNodes.get(c.id()),
                        itemNodes.get(c.parentId()),
                        sequence,
                        base,
                        changed,
                        documentLink));
            } else if (parent == null && !published.containsKey(origin)) {
                cfAssociations.add(association(
                        document,
                        CasePackage.IS_CHILD_OF,
                        itemNodes.get(c.id()),
                        cfDocument,
                        sequence,
                        base,
                        changed,
                        documentLink));
            }
            for (String prerequisite : c.prerequisiteIds()) {
                String from = identifierOf.get(prerequisite);
                if (from != null && !covered.contains(CasePackage.PRECEDES + " " + from + " " + origin)) {
                    cfAssociations.add(association(
                            document,
                            CasePackage.PRECEDES,
                            itemNodes.get(prerequisite),
                            itemNodes.get(c.id()),
                            null,
                            base,
                            changed,
                            documentLink));
                }
            }
        }
        stored.ifPresent(d -> {
            if (d.definitions() != null) {
                pkg.set("CFDefinitions", read(d.definitions()));
            }
            if (d.rubrics() != null) {
                pkg.set("CFRubrics", read(d.rubrics()));
            }
        });
        return pkg;
    }

    /** Where a fresh import would not derive a competency's id (unique humanCodingScheme, else identifier), say it. */
    private static void carryCompetencyIds(StoredFramework framework, Map<String, ObjectNode> itemNodes) {
        Map<String, Integer> codes = new HashMap<>();
        itemNodes.values().forEach(n -> codes.merge(n.path("humanCodingScheme").asText(""), 1, Integer::sum));
        for (CompetencyJson c : framework.competencies()) {
            ObjectNode node = itemNodes.get(c.id());
            String code = node.path("humanCodingScheme").asText(null);
            String derived = code != null && !code.isBlank() && codes.get(code) == 1 && code.length() <= 100
                    ? code.strip()
                    : node.path("identifier").asText();
            if (!derived.equals(c.id())) {
                node.withObject("extensions").put(CasePackage.COMPETENCY_ID_EXTENSION, c.id());
            }
        }
    }

    private ObjectNode writtenItem(
            CompetencyJson c, String identifier, String base, String changed, ObjectNode documentLink) {
        ObjectNode item = json.createObjectNode();
        item.put("identifier", identifier);
        item.put("uri", base + "CFItems/" + identifier);
        item.put("fullStatement", c.statement() != null ? c.statement() : c.name());
        if (c.statement() != null && !c.statement().equals(c.name())) {
            item.put("abbreviatedStatement", c.name());
        }
        item.put("humanCodingScheme", c.id());
        if (c.gradeLevel() != null) {
            item.putArray("educationLevel").add(c.gradeLevel() == 0 ? "KG" : String.format("%02d", c.gradeLevel()));
        }
        item.put("lastChangeDateTime", changed);
        item.set("CFDocumentURI", documentLink.deepCopy());
        return item;
    }

    private ObjectNode association(
            String document,
            String type,
            ObjectNode origin,
            ObjectNode destination,
            Integer sequence,
            String base,
            String changed,
            ObjectNode documentLink) {
        String originId = origin.path("identifier").asText();
        String destinationId = destination.path("identifier").asText();
        String identifier = uuid(document + ":" + type + ":" + originId + ":" + destinationId);
        ObjectNode a = json.createObjectNode();
        a.put("identifier", identifier);
        a.put("associationType", type);
        if (sequence != null) {
            a.put("sequenceNumber", sequence);
        }
        a.put("uri", base + "CFAssociations/" + identifier);
        a.set("originNodeURI", link(title(origin), originId, origin.path("uri").asText()));
        a.set(
                "destinationNodeURI",
                link(title(destination), destinationId, destination.path("uri").asText()));
        a.put("lastChangeDateTime", changed);
        a.set("CFDocumentURI", documentLink.deepCopy());
        return a;
    }

    private static String title(ObjectNode node) {
        return node.path("humanCodingScheme")
                .asText(node.path("title").asText(node.path("fullStatement").asText("")));
    }

    private ObjectNode link(String title, String identifier, String uri) {
        ObjectNode link = json.createObjectNode();
        link.put("title", title).put("identifier", identifier).put("uri", uri);
        return link;
    }

    /** A competency's CASE identifier: its external id when that is a UUID, else one derived from its id. */
    private static String identifier(String document, CompetencyJson c) {
        if (c.externalId() != null && UUID_FORM.matcher(c.externalId()).matches()) {
            return c.externalId();
        }
        return uuid(document + ":item:" + c.id());
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored CASE JSON is not valid", e);
        }
    }
}
