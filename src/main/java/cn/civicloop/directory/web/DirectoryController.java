package cn.civicloop.directory.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.civicloop.directory.Area;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.Directory;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Read-only directory for staff (owner role: any logged-in staff), e.g. to pick a department when assigning. */
@RestController
@RequestMapping("/api/v1/directory")
@Tag(name = "directory", description = "Departments and areas (staff only)")
class DirectoryController {

    private static final List<String> LEVELS = List.of("DISTRICT", "STREET", "COMMUNITY", "GRID");

    private final Directory directory;

    DirectoryController(Directory directory) {
        this.directory = directory;
    }

    @GetMapping("/departments")
    List<Department> departments() {
        return directory.departments().stream().filter(Department::active).toList();
    }

    @GetMapping("/areas")
    List<Area> areas(@RequestParam(defaultValue = "STREET") String level) {
        if (!LEVELS.contains(level)) {
            throw new InvalidInputException("level",
                    Phrase.of("problem.directory.unknown-level", "level 必须是 {0} 之一", LEVELS));
        }
        return directory.areas(level);
    }
}
