# The functions' one image: Lambda's Java 25 base, the jars that `mvn package` wrote to target/lambda, and the AOT
# cache trained here, on the image's own JDK and paths (deploy_scripts/aot-cache.sh). sam build builds it once for
# every function; ImageConfig.Command in template.yaml picks the handler.
ARG BASE_IMAGE=public.ecr.aws/lambda/java:25
FROM ${BASE_IMAGE}

COPY target/lambda /tmp/build/target/lambda
COPY deploy_scripts/aot-cache.sh deploy_scripts/lambda-entrypoint.sh /tmp/build/deploy_scripts/
RUN /tmp/build/deploy_scripts/aot-cache.sh /var/task && rm -rf /tmp/build

ENTRYPOINT ["/var/task/lambda-entrypoint.sh"]
