package br.com.healthmed.demo;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.HealthMedApplication;
import br.com.healthmed.support.Api;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The jar started without a profile (the {@code local} one then applies) listens on loopback only and
 * has the demo accounts; started so that the network reaches it, or pointed at an AWS service, it has
 * none: the published demo password opens nothing there.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoDataOnlyOnLoopbackTest {

    /** As {@code java -jar healthmed.jar} with these arguments: no profile chosen, demo data as the local profile asks. */
    private static ConfigurableApplicationContext jar(String... arguments) {
        String[] all = new String[arguments.length + 3];
        all[0] = "--server.port=0";
        all[1] = "--healthmed.demo-doctors=0";
        all[2] = "--healthmed.demo-data=true"; // the test resources turn it off for every other test
        System.arraycopy(arguments, 0, all, 3, arguments.length);
        return new SpringApplicationBuilder(HealthMedApplication.class).registerShutdownHook(false).run(all);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static InetAddress boundAddress(ConfigurableApplicationContext context) {
        TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) context).getWebServer();
        return (InetAddress) server.getTomcat().getConnector().getProperty("address");
    }

    private static void loginAsTheDemoPatient(ConfigurableApplicationContext context, boolean works) {
        var response = Api.at(port(context)).document("loginPatient")
                .variable("login", DemoData.PATIENT_EMAIL).variable("password", DemoData.PASSWORD).execute();
        if (works) {
            response.path("loginPatient.account.name").entity(String.class).isEqualTo("Paciente Demo");
        } else {
            // the answer anyone gets for a wrong password: nothing tells that demo accounts exist elsewhere
            response.errors().satisfy(errors -> assertThat(errors).singleElement()
                    .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "INVALID_CREDENTIALS")));
        }
    }

    @Test
    void withoutAProfileTheServiceListensOnLoopbackOnlyAndHasTheDemoAccounts(CapturedOutput output) {
        try (ConfigurableApplicationContext context = jar()) {
            assertThat(boundAddress(context)).isNotNull().satisfies(address -> assertThat(address.isLoopbackAddress()).isTrue());
            loginAsTheDemoPatient(context, true);
        }
        assertThat(output.getOut()).contains("Demo accounts with the published password");
    }

    @Test
    void reachableFromTheNetworkItHasNoDemoAccountsAndSaysWhy(CapturedOutput output) {
        try (ConfigurableApplicationContext context = jar("--server.address=0.0.0.0")) {
            loginAsTheDemoPatient(context, false);
        }
        assertThat(output.getOut()).contains("Demo data NOT created", "0.0.0.0");
    }

    @Test
    void withAnAwsAdapterItHasNoDemoAccountsEvenOnLoopback(CapturedOutput output) {
        // S3 is configured but never called here: the refusal is decided from the configuration alone
        try (ConfigurableApplicationContext context = jar("--healthmed.blob-store=s3", "--healthmed.s3.bucket=healthmed-records")) {
            loginAsTheDemoPatient(context, false);
        }
        assertThat(output.getOut()).contains("Demo data NOT created", "healthmed.blob-store=s3");
    }
}
