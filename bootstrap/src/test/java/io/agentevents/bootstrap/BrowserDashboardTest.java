package io.agentevents.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.application.port.in.access.Secret;
import io.agentevents.bootstrap.config.AppConfig;
import io.agentevents.bootstrap.config.UserToken;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.access.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in Chromium, as a person uses it: paste a token, see the agents with their live
 * status, wake one, watch the feed. The agents are driven through the API as real agents call it.
 */
class BrowserDashboardTest {

    /** One project per test, each with its own admin token: a project-wide wake of one test leaves the others be. */
    private static final int PROJECTS = 4;
    /** Where the screenshot of a fleet of 50 agents is written; docs/dashboard.png is a copy of it. */
    static final Path SCREENSHOT = Path.of("target", "dashboard-50-agents.png");

    private static final List<ProjectId> projects = java.util.stream.Stream.generate(TestSessions::newProject)
            .limit(PROJECTS).toList();
    private static final java.util.concurrent.atomic.AtomicInteger taken = new java.util.concurrent.atomic.AtomicInteger();
    private static AgentEventsApp app;
    private static HttpClientForTests api;
    private static Chromium chromium;

    @BeforeAll
    static void start() {
        app = AgentEventsApp.start(AppConfig.inMemory(0, projects.stream()
                .map(project -> new UserToken(new Secret(tokenOf(project)), project, Role.ADMIN)).toList()), Clock.systemUTC());
        api = new HttpClientForTests(app.port());
        chromium = Chromium.start(1280, 900);
    }

    private static String tokenOf(ProjectId project) {
        return "dashboard-admin-" + project.value();
    }

    private String project;
    private String token;

    @org.junit.jupiter.api.BeforeEach
    void takeAProject() {
        ProjectId mine = projects.get(taken.getAndIncrement());
        project = mine.value();
        token = tokenOf(mine);
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @AfterEach
    void noPolicyViolations() {
        List<LogEntry> errors = chromium.driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(entry -> !entry.getMessage().contains("401")) // the wrong token's answer, on purpose
                .toList();
        assertThat(errors).as("the page's console errors (a Content-Security-Policy refusal would be one)").isEmpty();
    }

    private WebDriverWait waitUpTo(Duration timeout) {
        return new WebDriverWait(chromium.driver, timeout);
    }

    /** A fresh page, nothing remembered in the tab. */
    private void load() {
        chromium.driver.get("http://127.0.0.1:" + app.port() + "/dashboard/");
        chromium.driver.executeScript("sessionStorage.clear()");
        chromium.driver.navigate().refresh();
    }

    private void signIn(String pasted) {
        load();
        chromium.driver.findElement(By.id("project")).sendKeys(project);
        chromium.driver.findElement(By.id("token")).sendKeys(pasted);
        chromium.driver.findElement(By.id("connect-button")).click();
    }

    private HttpClientForTests.SignedInAgent checkedIn(String name) {
        var agent = HttpClientForTests.registerAndSignIn(api, api, project, token, name);
        assertThat(api.get("/v2/" + project + "/agents/" + agent.id() + "/events", agent.token()).statusCode()).isEqualTo(200);
        return agent;
    }

    private WebElement rowOf(String agent) {
        return chromium.driver.findElement(By.cssSelector("tr[data-agent='" + agent + "']"));
    }

    @Test
    void aWrongToken_isSaidPlainly() {
        signIn("not-the-token");

        String said = waitUpTo(Duration.ofSeconds(10)).until(driver -> {
            String text = driver.findElement(By.id("message")).getText();
            return text.contains("refused") ? text : null;
        });

        assertThat(said).contains("The token was refused (401)");
        assertThat(chromium.driver.findElement(By.id("message")).getAttribute("role")).isEqualTo("alert");
        assertThat(chromium.driver.findElement(By.id("fleet")).isDisplayed()).isFalse();
    }

    @Test
    void anAgentThatChecksIn_showsOnline_andAWakeChangesItsMode_andTheFeedShowsIt() {
        var agent = checkedIn("browser-web-1");
        signIn(token);

        waitUpTo(Duration.ofSeconds(10)).until(driver -> rowOf(agent.id()).findElement(By.cssSelector("[data-field=online]"))
                .getText().equals("online"));
        assertThat(rowOf(agent.id()).findElement(By.cssSelector("[data-field=mode]")).getText()).isEqualTo("idle");

        new Select(rowOf(agent.id()).findElement(By.cssSelector("select[data-role=mode]"))).selectByValue("real_time");
        rowOf(agent.id()).findElement(By.cssSelector("button[data-role=wake]")).click();

        // Within the idle poll interval (10 s) the dashboard shows the agent's new mode, and the feed the activation.
        waitUpTo(Duration.ofSeconds(10)).until(driver -> rowOf(agent.id()).findElement(By.cssSelector("[data-field=mode]"))
                .getText().equals("real_time"));
        WebElement shown = waitUpTo(Duration.ofSeconds(10)).until(driver -> driver.findElements(By.cssSelector("#events li"))
                .stream().filter(item -> item.getText().contains("agent_activate") && item.getText().contains("real_time"))
                .findFirst().orElse(null));
        assertThat(shown.getText()).contains(agent.id());
    }

    @Test
    void everyControl_isLabelled_andReachableByKeyboard_andThePageFitsAPhone() {
        load();
        chromium.driver.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
        assertThat(chromium.driver.switchTo().activeElement().getAttribute("id")).as("Tab reaches the first field")
                .isEqualTo("project");
        checkedIn("browser-phone-1");
        signIn(token);
        waitUpTo(Duration.ofSeconds(10)).until(driver -> !driver.findElements(By.cssSelector("#agents tbody tr")).isEmpty());

        Long unlabelled = (Long) chromium.driver.executeScript("""
                return [...document.querySelectorAll('input, select, button')].filter(control =>
                    !(control.labels && control.labels.length) && !control.getAttribute('aria-label')
                    && !control.textContent.trim()).length;""");
        assertThat(unlabelled).isZero();

        chromium.driver.manage().window().setSize(new Dimension(390, 844));
        try {
            Long overflow = (Long) chromium.driver.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).as("no sideways scrolling at phone width").isLessThanOrEqualTo(0L);
        } finally {
            chromium.driver.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    @Test
    void aFleetOfFiftyAgents_isShownLive() throws Exception {
        List<HttpClientForTests.SignedInAgent> fleet = new java.util.ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            String name = "server-%02d".formatted(i);
            fleet.add(i % 12 == 0 ? HttpClientForTests.registerAndSignIn(api, api, project, token, name) : checkedIn(name));
        }
        signIn(token);
        waitUpTo(Duration.ofSeconds(10)).until(driver -> driver.findElements(By.cssSelector("#agents tbody tr")).size() == 50);
        for (int i : new int[] {2, 4, 6}) {
            assertThat(api.post("/v2/" + project + "/agents/" + fleet.get(i).id() + "/events", token,
                    "{\"event\":\"agent_activate\",\"mode\":\"real_time\"}").statusCode()).isEqualTo(202);
        }
        waitUpTo(Duration.ofSeconds(10)).until(driver -> driver.findElements(By.cssSelector("#events li")).size() == 3
                && driver.findElements(By.xpath("//span[@data-field='mode' and text()='real_time']")).size() == 3);

        assertThat(chromium.driver.findElement(By.id("fleet-count")).getText()).isEqualTo("(50, 46 online)");
        chromium.driver.manage().window().setSize(new Dimension(1280, 1500));
        try {
            Files.createDirectories(SCREENSHOT.getParent());
            Files.write(SCREENSHOT, chromium.driver.getScreenshotAs(OutputType.BYTES));
        } finally {
            chromium.driver.manage().window().setSize(new Dimension(1280, 900));
        }
        assertThat(Files.size(SCREENSHOT)).isGreaterThan(10_000);
    }
}
