package cn.civicloop.directory.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Settings of the directory ({@code civicloop.directory.*}): the data files an empty directory is filled from on the
 * first start. A directory that has rows is never touched again, so admins' edits survive restarts.
 *
 * @param areasFile the area tree as CSV {@code code,name,level,parent_code}; default: the demo district's
 * @param seedFile  departments, units and staff with their roles and one initial password, as YAML; default: the
 *                  demo district's
 */
@ConfigurationProperties("civicloop.directory")
@Validated
record DirectoryProperties(@NotNull @DefaultValue("classpath:org/demo/areas.csv") Resource areasFile,
        @NotNull @DefaultValue("classpath:directory/demo-directory.yml") Resource seedFile) {
}
