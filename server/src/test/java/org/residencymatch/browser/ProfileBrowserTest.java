package org.residencymatch.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.residencymatch.store.MutableClock;

/**
 * The profile in a real browser (issue #16, point 7), in English and French: its facts in fieldsets with legends, each on
 * its own line under its label, and a date in the future refused next to its field; registration says what is wrong
 * with a name too long or a date of birth in the future; BC-CAP's ineligibility is shown before any button. axe checks
 * each state.
 */
@Tag("browser")
class ProfileBrowserTest {

    /** Program selection, and BC-CAP's registration window (October). */
    static final MutableClock clock = new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0));

    @RegisterExtension
    static final BrowserExtension web = new BrowserExtension(clock);

    /** What the pages say in each language, written out: the test fails if the feature or its translation is missing. */
    record Said(List<String> legends, String futurePractice, String namesTooLong, String birthInFuture, String bcCapRefused,
            String bcCapCitizenship, String bcCapTodo) {

        static Said in(String lang) {
            return lang.equals("fr")
                    ? new Said(List.of("Votre diplôme de médecine", "Citoyenneté et approbation du Québec",
                            "Formation et pratique depuis votre doctorat", "Liens avec une province"),
                            "La fin de votre dernière pratique ne peut pas être dans le futur : si vous pratiquez maintenant, entrez la date d’aujourd’hui.",
                            "Vos prénoms sont trop longs : 200 caractères au plus.",
                            "Votre date de naissance ne peut pas être dans le futur.",
                            "Vous ne pouvez pas vous inscrire au BC-CAP :",
                            "Le BC-CAP s’adresse aux citoyens canadiens et aux résidents permanents.", "BC-CAP")
                    : new Said(List.of("Your medical degree", "Citizenship and Québec approval", "Training and practice since your MD",
                            "Ties to a province"),
                            "The end of your latest practice cannot be in the future: if you practise now, enter today's date.",
                            "Your given names are too long: at most 200 characters.", "Your date of birth cannot be in the future.",
                            "You cannot register for BC-CAP:", "BC-CAP is for Canadian citizens and permanent residents.", "BC-CAP");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void theProfileIsLaidOutInFieldsetsAndAFutureDateIsRefusedInPlace(String lang) {
        Said said = Said.in(lang);
        Browser browser = web.browser();
        browser.signIn("amira.haddad@applicant.example");
        browser.open("/applicant/profile?lang=" + lang);
        assertThat(browser.language()).isEqualTo(lang);
        assertThat(browser.findAll(By.cssSelector("form.profile-form fieldset fieldset > legend"))).extracting(WebElement::getText)
                .containsExactlyElementsOf(said.legends());
        // One fact per line: the selects of the degree stand one under the other, not side by side in a paragraph.
        WebElement category = browser.find(By.id("category")), status = browser.find(By.id("studyStatus"));
        assertThat(status.getLocation().getY()).isGreaterThan(category.getLocation().getY() + category.getSize().getHeight());
        // Every select and input of the declared facts has a label of its own.
        for (WebElement field : browser
                .findAll(By.cssSelector("form.profile-form fieldset fieldset select, form.profile-form fieldset fieldset input"))) {
            assertThat(browser.findAll(By.cssSelector("label[for='" + field.getDomAttribute("id") + "']"))).as(field.getDomAttribute("id"))
                    .hasSize(1);
        }
        browser.checkAccessibility();

        browser.driver().executeScript("arguments[0].value = '2031-01-01';", browser.find(By.id("latestClinicalActivityDate")));
        browser.clickAndLoad(By.cssSelector("form.profile-form button[type=submit]"));
        assertThat(browser.text(By.id("latestClinicalActivityDate-error"))).isEqualTo(said.futurePractice());
        assertThat(browser.find(By.id("latestClinicalActivityDate")).getDomAttribute("aria-invalid")).isEqualTo("true");
        browser.checkAccessibility();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void registrationSaysANameIsTooLongAndADateOfBirthIsInTheFuture(String lang) {
        Said said = Said.in(lang);
        Browser browser = web.browser();
        browser.open("/register?lang=" + lang);
        browser.type(By.id("givenNames"), "A".repeat(201));
        browser.type(By.id("familyName"), "Tremblay");
        browser.driver().executeScript("arguments[0].value = '2030-01-01';", browser.find(By.id("dateOfBirth")));
        browser.type(By.id("email"), "too.long." + lang + "@applicant.example");
        browser.type(By.id("password"), "a long enough password");
        browser.clickAndLoad(By.cssSelector("form[action='/register'] button[type=submit]"));
        assertThat(browser.language()).isEqualTo(lang);
        assertThat(browser.text(By.id("givenNames-error"))).isEqualTo(said.namesTooLong());
        assertThat(browser.text(By.id("dateOfBirth-error"))).isEqualTo(said.birthInFuture());
        assertThat(browser.find(By.id("dateOfBirth")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findAll(By.id("familyName-error"))).isEmpty();
        browser.checkAccessibility();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void olgaIsToldWhySheCannotRegisterForBcCapBeforeAnyButtonAndIsNotAskedToOnHerToDoList(String lang) {
        Said said = Said.in(lang);
        Browser browser = web.browser();
        browser.signIn("olga.petrova@applicant.example");
        browser.open("/applicant?lang=" + lang);
        assertThat(browser.findAll(By.cssSelector(".checklist li"))).extracting(WebElement::getText)
                .noneMatch(step -> step.contains(said.bcCapTodo()));
        browser.open("/applicant/follow-ups");
        assertThat(browser.language()).isEqualTo(lang);
        String refused = browser.text(By.id("bccap-refused"));
        assertThat(refused).startsWith(said.bcCapRefused()).contains(said.bcCapCitizenship());
        assertThat(browser.findAll(By.cssSelector("form[action='/applicant/bc-cap']"))).as("no button she would be refused after")
                .isEmpty();
        browser.clickAndLoad(By.cssSelector("form[action='/logout'] button"));

        // The same page offers the button to Amira, who may register: the button is there when it may be used.
        browser.signIn("amira.haddad@applicant.example");
        browser.open("/applicant/follow-ups?lang=" + lang);
        assertThat(browser.findAll(By.id("bccap-refused"))).isEmpty();
        assertThat(browser.findAll(By.cssSelector("form[action='/applicant/bc-cap'] button"))).hasSize(1);
        browser.open("/applicant");
        assertThat(browser.findAll(By.cssSelector(".checklist li"))).extracting(WebElement::getText)
                .anyMatch(step -> step.contains(said.bcCapTodo()));
    }
}
