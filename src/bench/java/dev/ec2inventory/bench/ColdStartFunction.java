package dev.ec2inventory.bench;

import dev.ec2inventory.api.AddEc2InfoHandler;
import dev.ec2inventory.api.DeleteEc2InfoHandler;
import dev.ec2inventory.api.Ec2StateChangeLambda;
import dev.ec2inventory.api.GetEc2InfoHandler;
import dev.ec2inventory.api.GetPackageHandler;
import dev.ec2inventory.api.ListEc2InfoHandler;
import dev.ec2inventory.api.ReplaceEc2PackagesHandler;
import java.util.List;

/**
 * A request-serving function of template.yaml as figure 1 starts it: its logical id (which names its event,
 * {@code events/<logicalId>.json}), its {@code Handler} class, and how its response says it succeeded, the value of
 * one field of the response's JSON.
 *
 * @param answerField the response's field that {@link ColdStartProbe} reports as the invoke's status
 * @param success     that field's value when the invoke did what the event asks
 */
record ColdStartFunction(String logicalId, String handlerClass, String answerField, String success) {

    /**
     * Every function of template.yaml that serves requests: GET and POST first, as figure 1 has always listed them,
     * then the others in the template's order.
     */
    static final List<ColdStartFunction> ALL = List.of(
            route("GetEC2InfoLambda", GetEc2InfoHandler.class),
            route("AddEC2InfoLambda", AddEc2InfoHandler.class),
            route("DeleteEC2InfoLambda", DeleteEc2InfoHandler.class),
            route("ReplaceEC2PackagesLambda", ReplaceEc2PackagesHandler.class),
            route("ListEC2InfoLambda", ListEc2InfoHandler.class),
            route("GetPackageLambda", GetPackageHandler.class),
            // EventBridge reads no answer; the function's says what it did with the terminated instance.
            new ColdStartFunction("Ec2StateChangeLambda", Ec2StateChangeLambda.class.getName(), "outcome", "deleted"));

    /** An API Gateway route: every route answers its success with 200. */
    private static ColdStartFunction route(String logicalId, Class<?> handler) {
        return new ColdStartFunction(logicalId, handler.getName(), "statusCode", "200");
    }
}
