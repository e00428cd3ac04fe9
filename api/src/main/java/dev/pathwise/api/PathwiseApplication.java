package dev.pathwise.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Pathwise service: REST /v1 over the engine, with persistence, API keys, OpenAPI and metrics. */
@SpringBootApplication
public class PathwiseApplication {

    public static void main(String[] args) {
        SpringApplication.run(PathwiseApplication.class, args);
    }
}
