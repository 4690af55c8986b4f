package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import cn.civicloop.cases.ActionField;
import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseActions;
import cn.civicloop.cases.CaseCommand;
import cn.civicloop.cases.Satisfaction;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Upload;

/**
 * The action catalogue read as the API, the pages, the workflow and others read it: one mapping from a request to
 * a command for JSON and form values alike, labels in both languages, a handler for every action people take.
 */
class ActionCatalogueTests {

    private static final List<Upload> PHOTO = List.of(new Upload("p.jpg", "image/jpeg", new byte[] {1}));

    private final CaseActions actions = new ActionCommands();

    @ParameterizedTest(name = "{0}")
    @EnumSource(CaseAction.class)
    void everyActionPeopleTakeBuildsItsOwnCommandFromItsFieldsWhetherJsonOrForm(CaseAction action) {
        if (!ActionCatalogue.entry(action).takenByRequest()) {
            assertThat(action).isIn(CaseAction.SUBMIT, CaseAction.REMIND, CaseAction.CIRCULATE, CaseAction.PLACE,
                    CaseAction.MEDIA_SUPERVISION);
            assertThat(actions.fields(action)).isEmpty();
            assertThatThrownBy(() -> actions.command(action.slug(), Map.of(), List.of()))
                    .isInstanceOf(NotFoundException.class);
            return;
        }
        List<ActionField> fields = actions.fields(action);
        List<Upload> photos = ActionCatalogue.entry(action).keepsEvidence() ? PHOTO : List.of();
        // reading an undeclared field would throw: every value the command holds comes from a declared field
        CaseCommand fromJson = actions.command(action.slug(), values(fields, true), photos);
        CaseCommand fromForm = actions.command(action.slug(), values(fields, false), photos);
        assertThat(fromJson.action()).isEqualTo(action);
        assertThat(fromForm).as("one mapping for the API and the page").isEqualTo(fromJson);
    }

    @Test
    void aMissingIdNumberOrChoiceIsRefusedAllAtOnceNamingEachField() {
        assertThatThrownBy(() -> actions.command("follow-up", Map.of("note", "电话回访"), List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldProblems())
                        .extracting(p -> p.field()).containsExactly("resolved", "satisfaction"));
        assertThatThrownBy(() -> actions.command("assign", Map.of("departmentId", " "), List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldProblems())
                        .extracting(p -> p.field()).containsExactly("departmentId"));
        assertThatThrownBy(() -> actions.command("request-extension", Map.of("workingDays", "三天"), List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldProblems())
                        .extracting(p -> p.field()).containsExactly("workingDays"));
        // a missing text is the command's own check (other modules' commands meet it too)
        assertThat(actions.command("decline", Map.of(), List.of())).isEqualTo(new CaseCommand.Decline(null));
    }

    @Test
    void photosComeOnlyWithAnActionThatKeepsThem() {
        assertThatThrownBy(() -> actions.command("sign", Map.of(), PHOTO))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldProblems())
                        .extracting(p -> p.field()).containsExactly("photos"));
        assertThat(actions.command("reply", Map.of("text", "已修复"), PHOTO))
                .isEqualTo(new CaseCommand.Reply("已修复", PHOTO));
    }

    @ParameterizedTest
    @ValueSource(strings = {"assign-unit", "ASSIGN_UNIT", "Assign-Unit", " assign-unit "})
    void aSlugNamesItsActionWhateverItsCase(String slug) {
        assertThat(CaseAction.ofSlug(slug)).contains(CaseAction.ASSIGN_UNIT);
        assertThat(CaseAction.ASSIGN_UNIT.slug()).isEqualTo("assign-unit");
    }

    @Test
    void unknownSlugsAreNoAction() {
        assertThat(CaseAction.ofSlug("report")).isEmpty();
        assertThatThrownBy(() -> actions.command("report", Map.of(), List.of())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> actions.command("circulate", Map.of(), List.of()))
                .as("recorded by the ladder only").isInstanceOf(NotFoundException.class);
    }

    @Test
    void theCloseRemarkMayComeAsReasonOrNoteTheReasonWinning() {
        assertThat(actions.command("close", Map.of("note", "无法联系"), List.of()))
                .isEqualTo(new CaseCommand.Close("无法联系"));
        assertThat(actions.command("close", Map.of("note", "n", "reason", "r"), List.of()))
                .isEqualTo(new CaseCommand.Close("r"));
        assertThat(actions.fields(CaseAction.CLOSE).stream().filter(ActionField::onForm).map(ActionField::name))
                .as("the page asks for the note only").containsExactly("note");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"messages-cases.properties", "messages-cases_en.properties"})
    void everyActionHasALabel(String bundle) throws IOException {
        Properties labels = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/" + bundle)) {
            labels.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        for (CaseAction action : CaseAction.values()) {
            assertThat(labels.getProperty(action.labelKey())).as(action.labelKey()).isNotBlank();
        }
    }

    @Test
    void theActionsThatMoveACaseBetweenHoldersAreTheLiveListsSet() {
        // as web.live.CaseListFeed lists them today, until it reads them from here
        assertThat(actions.movingBetweenHolders()).containsExactlyInAnyOrder(CaseAction.ASSIGN, CaseAction.REASSIGN,
                CaseAction.ASSIGN_UNIT, CaseAction.RETURN, CaseAction.DENY_RETURN, CaseAction.ARBITRATE,
                CaseAction.VOID, CaseAction.MERGE, CaseAction.ADD_CO_HANDLER, CaseAction.RELEASE_CO_HANDLER,
                CaseAction.CO_RETURN);
    }

    @Test
    void everyActionPeopleTakeHasExactlyOneHandler() {
        List<ActionHandlers> families = List.of(new RegistrationSteps(null, null, null), new AssignmentSteps(null),
                new HandlingSteps(null, null, null), new ReviewSteps(null), new SupervisionSteps(null),
                new CoHandlingSteps(null, null, null, null, null), new UrgencySteps());
        new CaseWorkflow(families); // checks the catalogue against the handlers
        assertThatThrownBy(() -> new CaseWorkflow(families.subList(1, families.size())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("REGISTER").hasMessageContaining("MERGE");
        ActionHandlers extra = registry -> registry.on(CaseAction.REMIND, CaseCommand.Note.class,
                (c, command, actor, now) -> Step.of(null));
        assertThatThrownBy(() -> new CaseWorkflow(append(families, extra))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("REMIND");
    }

    /** A valid value for every field, as a JSON body types it or as a page form sends it. */
    private static Map<String, Object> values(List<ActionField> fields, boolean typed) {
        Map<String, Object> v = new HashMap<>();
        for (ActionField f : fields) {
            Object value = switch (f.kind()) {
                case TEXT -> f.name() + " 的内容";
                case DEPARTMENT, CO_HANDLER, UNIT -> typed ? (Object) 42L : "42";
                case WORKING_DAYS -> typed ? (Object) 5 : "5";
                case YES_NO -> typed ? (Object) Boolean.FALSE : "false";
                case SATISFACTION -> typed ? Satisfaction.BASICALLY_SATISFIED : "BASICALLY_SATISFIED";
                case CASE_NUMBER -> "SZ-20261125-000001";
                case CHECKBOX -> typed ? (Object) Boolean.TRUE : "on";
                case PHOTOS -> null;
            };
            if (value != null) {
                v.put(f.name(), value);
            }
        }
        return v;
    }

    private static List<ActionHandlers> append(List<ActionHandlers> list, ActionHandlers one) {
        ActionHandlers[] all = Arrays.copyOf(list.toArray(ActionHandlers[]::new), list.size() + 1);
        all[list.size()] = one;
        return List.of(all);
    }
}
