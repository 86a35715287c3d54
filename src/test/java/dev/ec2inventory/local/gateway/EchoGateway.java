package dev.ec2inventory.local.gateway;

import dev.ec2inventory.local.fixtures.FixtureHandlers;
import dev.ec2inventory.local.lambda.LocalFunction;
import dev.ec2inventory.local.sam.ApiRoute;
import dev.ec2inventory.local.sam.LocalEnvironment;
import dev.ec2inventory.local.sam.SamFunction;
import dev.ec2inventory.local.sam.SamTemplate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Starts the gateway in front of a fixture template's functions, as the gateway tests share it. */
final class EchoGateway {

    static final Path FIXTURE = Path.of("src/test/resources/templates/echo-template.yaml");

    private EchoGateway() {
    }

    static ApiGatewayServer start(Path templateFile, List<String> console) throws IOException {
        return start(templateFile, console, HttpConnections.MAX_CONNECTIONS);
    }

    static ApiGatewayServer start(Path templateFile, List<String> console, int maxConnections) throws IOException {
        SamTemplate template = SamTemplate.read(templateFile);
        Map<ApiRoute, LocalFunction> routes = new LinkedHashMap<>();
        for (SamFunction function : template.functions()) {
            Map<String, String> environment = LocalEnvironment.resolve(template, function, Map.of("DB_NAME", "local_db"));
            LocalFunction local = LocalFunction.load(function, FixtureHandlers::create, environment, console::add);
            function.routes().forEach(route -> routes.put(route, local));
        }
        return ApiGatewayServer.start(0, maxConnections, routes, template.apiStageName().orElseThrow(), console::add);
    }
}
