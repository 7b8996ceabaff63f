package br.com.healthmed;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class HealthMedApplication {

    public static void main(String[] args) {
        SpringApplication.run(HealthMedApplication.class, args);
    }
}
