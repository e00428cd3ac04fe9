package dev.pathwise.api.policy;

import dev.pathwise.api.school.SchoolDirectory;
import dev.pathwise.engine.policy.CompileProblem;
import dev.pathwise.engine.policy.PolicyFolder;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * A policy's school overlays ({@code schools/<id>/}) must each name a school of the tenant: an overlay for a
 * misspelt school would never apply to anyone. Each unknown folder is one problem, with the closest known school.
 */
@Component
public class SchoolFolders {

    private final SchoolDirectory schools;

    public SchoolFolders(SchoolDirectory schools) {
        this.schools = schools;
    }

    /** One problem per school folder that names no school of the tenant, in folder order. */
    public List<CompileProblem> problems(String tenantId, PolicyFiles files) {
        String prefix = PolicyFolder.SCHOOLS + "/";
        TreeSet<String> folders = new TreeSet<>();
        for (PolicyFiles.File file : files.files()) {
            String path = file.path();
            int slash = path.indexOf('/', prefix.length());
            if (path.startsWith(prefix) && slash > prefix.length()) {
                folders.add(path.substring(prefix.length(), slash));
            }
        }
        if (folders.isEmpty()) {
            return List.of();
        }
        List<String> known = schools.ids(tenantId);
        List<CompileProblem> problems = new ArrayList<>();
        for (String folder : folders) {
            if (!known.contains(folder)) {
                problems.add(new CompileProblem(
                        prefix + folder + "/",
                        0,
                        0,
                        schools.unknown(tenantId, "school", folder).replaceFirst("^school: ", "")
                                + "; an overlay applies to the learners of an existing"
                                + " school only (rename the folder, or create the school first)"));
            }
        }
        return problems;
    }
}
