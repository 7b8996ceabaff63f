package br.com.healthmed;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

// No username/password users: identity comes only from our bearer tokens (see platform.security).
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class HealthMedApplication {

    public static void main(String[] args) {
        SpringApplication.run(HealthMedApplication.class, args);
    }
}
