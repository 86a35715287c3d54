package dev.ec2inventory.local.sam;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a CloudFormation or SAM template into plain maps, lists and strings, with every intrinsic function (short
 * {@code !Ref} tags and long {@code Fn::} keys alike) turned into an {@link Intrinsic}.
 */
public final class CloudFormationYaml {

    private CloudFormationYaml() {
    }

    public static Map<String, Object> read(Path template) throws IOException {
        try (Reader reader = Files.newBufferedReader(template, StandardCharsets.UTF_8)) {
            Object document = new Yaml(new IntrinsicConstructor()).load(reader);
            if (!(document instanceof Map<?, ?> map)) {
                throw new IOException(template + " is not a YAML mapping");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> normalized = (Map<String, Object>) normalize(map);
            return normalized;
        }
    }

    /** Turns long-form intrinsics ({@code {"Fn::ImportValue": …}}) into {@link Intrinsic}s, recursively. */
    private static Object normalize(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                String key = String.valueOf(map.keySet().iterator().next());
                if (key.equals("Ref") || key.startsWith("Fn::")) {
                    return new Intrinsic(key, normalize(map.values().iterator().next()));
                }
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, child) -> copy.put(String.valueOf(key), normalize(child)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(CloudFormationYaml::normalize).toList();
        }
        if (value instanceof Intrinsic intrinsic) {
            return new Intrinsic(intrinsic.function(), normalize(intrinsic.argument()));
        }
        return value;
    }

    /** SnakeYAML's safe constructor, plus a construct for every {@code !Tag} CloudFormation defines. */
    private static final class IntrinsicConstructor extends SafeConstructor {

        IntrinsicConstructor() {
            super(new LoaderOptions());
            yamlMultiConstructors.put("!", new ConstructIntrinsic());
        }

        private final class ConstructIntrinsic extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                String tag = node.getTag().getValue().substring(1);
                String function = tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag;
                Object argument;
                if (node instanceof ScalarNode scalar) {
                    argument = constructScalar(scalar);
                } else if (node instanceof SequenceNode sequence) {
                    argument = constructSequence(sequence);
                } else {
                    argument = constructMapping((MappingNode) node);
                }
                return new Intrinsic(function, argument);
            }
        }
    }
}
