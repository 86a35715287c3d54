package dev.ec2inventory.local.sam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamTemplateTest {

    private static final Path FIXTURE = Path.of("src/test/resources/templates/echo-template.yaml");

    @Test
    void readsFunctionsWithGlobalsMergedAndTheirApiRoutes() {
        SamTemplate template = SamTemplate.read(FIXTURE);

        assertThat(template.functions()).extracting(SamFunction::logicalId)
                .containsExactly("EchoFunction", "FixedFunction");
        SamFunction echo = template.function("EchoFunction").orElseThrow();
        assertThat(echo.handler()).isEqualTo(
                new HandlerReference("dev.ec2inventory.local.fixtures.EchoHandler", "handleRequest"));
        assertThat(echo.routes()).containsExactly(
                new ApiRoute("GET", "/items/{item_id}"), new ApiRoute("ANY", "/files/{path+}"));
        assertThat(echo.timeoutSeconds()).isEqualTo(7);
        assertThat(echo.memoryMegabytes()).isEqualTo(512);
        assertThat(template.function("FixedFunction").orElseThrow().memoryMegabytes()).isEqualTo(256);
    }

    @Test
    void readsShortFormIntrinsicsInTheirLongForm() {
        SamFunction echo = SamTemplate.read(FIXTURE).function("EchoFunction").orElseThrow();

        assertThat(echo.environment().get("GREETING").asText()).isEqualTo("hello");
        assertThat(echo.environment().get("LOG_LEVEL").toString()).isEqualTo("{\"Ref\":\"LogLevel\"}");
        assertThat(echo.environment().get("DB_NAME").toString())
                .isEqualTo("{\"Fn::ImportValue\":{\"Fn::Sub\":\"${DatabaseStackName}-DatabaseName\"}}");
    }

    @Test
    void resolvesTheApiStageFromItsParameterDefault() {
        assertThat(SamTemplate.read(FIXTURE).apiStageName()).contains("test");
    }

    @Test
    void localEnvironmentUsesLiteralsParameterDefaultsAndOverrides() {
        SamTemplate template = SamTemplate.read(FIXTURE);
        SamFunction echo = template.function("EchoFunction").orElseThrow();

        Map<String, String> environment = LocalEnvironment.resolve(template, echo, Map.of("DB_NAME", "local_db"));

        assertThat(environment).containsOnly(
                Map.entry("GREETING", "hello"), Map.entry("LOG_LEVEL", "DEBUG"), Map.entry("DB_NAME", "local_db"));
    }

    @Test
    void refusesAValueOnlyADeploymentCanResolve() {
        SamTemplate template = SamTemplate.read(FIXTURE);
        SamFunction echo = template.function("EchoFunction").orElseThrow();

        assertThatThrownBy(() -> LocalEnvironment.resolve(template, echo, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DB_NAME")
                .hasMessageContaining("Fn::ImportValue");
    }

    @Test
    void theLoggingConfigsApplicationLogLevelIsTheVariableLambdaSets(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("template.yaml"), """
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  LogLevel:
                    Type: String
                    Default: WARN
                Globals:
                  Function:
                    LoggingConfig:
                      LogFormat: JSON
                      ApplicationLogLevel: !Ref LogLevel
                Resources:
                  Quiet:
                    Type: AWS::Serverless::Function
                    Properties:
                      PackageType: Image
                      ImageConfig:
                        Command: [dev.example.Handler::handleRequest]
                  Loud:
                    Type: AWS::Serverless::Function
                    Properties:
                      PackageType: Image
                      ImageConfig:
                        Command: [dev.example.Handler::handleRequest]
                      LoggingConfig:
                        LogFormat: JSON
                        ApplicationLogLevel: DEBUG
                """);
        SamTemplate template = SamTemplate.read(file);

        assertThat(LocalEnvironment.resolve(template, template.function("Quiet").orElseThrow(), Map.of()))
                .containsOnly(Map.entry("AWS_LAMBDA_LOG_LEVEL", "WARN"));
        assertThat(LocalEnvironment.resolve(template, template.function("Loud").orElseThrow(), Map.of()))
                .containsOnly(Map.entry("AWS_LAMBDA_LOG_LEVEL", "DEBUG"));
    }

    @Test
    void handlerReferencesNeedClassAndMethod() {
        assertThatThrownBy(() -> HandlerReference.parse("dev.example.Handler"))
                .hasMessageContaining("package.Class::method");
    }
}
