# syntax=docker/dockerfile:1
# Health&Med API image. Build: docker build -t healthmed:$(git rev-parse HEAD) .
# Runs with the prod profile; configuration comes from the environment and mounted secrets (Helm chart).

# --- build: Maven on JDK 17 (the project's release level) ---------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
# dependencies first: this layer is rebuilt only when pom.xml changes
COPY pom.xml ./
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp -q dependency:go-offline -Dmaven.test.skip=true
COPY schema ./schema
COPY src/main ./src/main
# tests run in CI (scripts/test) before an image is built; here only the jar
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp -q package -Dmaven.test.skip=true \
    && cp target/healthmed-*.jar application.jar \
    && java -Djarmode=tools -jar application.jar extract --layers --destination extracted

# --- run: JRE 21, no build tools, no sources -------------------------------------------------------
FROM eclipse-temurin:21-jre-noble
RUN groupadd --system --gid 10001 healthmed \
    && useradd --system --uid 10001 --gid healthmed --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin healthmed
WORKDIR /app
# Spring Boot layers, least often changed first: a code change rebuilds only the last layer
COPY --from=build --chown=root:root /build/extracted/dependencies/ ./
COPY --from=build --chown=root:root /build/extracted/spring-boot-loader/ ./
COPY --from=build --chown=root:root /build/extracted/snapshot-dependencies/ ./
COPY --from=build --chown=root:root /build/extracted/application/ ./
# Container-aware memory: the heap takes 75% of the container's limit, the rest is for metaspace,
# threads, direct buffers and the TLS/HTTP clients. Exit on OOM so Kubernetes restarts the pod.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0 -XX:InitialRAMPercentage=75.0 -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp -Dfile.encoding=UTF-8" \
    SPRING_PROFILES_ACTIVE=prod
# the application files belong to root and are read-only for the service's user
USER 10001:10001
# 8080: the API (HTTP and WebSocket); 8081: probes and metrics (management port)
EXPOSE 8080 8081
ENTRYPOINT ["java", "-jar", "application.jar"]
