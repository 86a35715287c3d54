#!/bin/sh
# Every function's JVM: Lambda's runtime interface client, serving the handler that ImageConfig.Command names.
# The class path names each jar, in the order the training run had: the AOT cache checks it, and a wildcard
# would expand in directory order. AOT_OPTIONS replaces the cache option, for the training run and its checks.
set -eu
home=$(cd "$(dirname "$0")" && pwd)
# shellcheck disable=SC2086 # AOT_OPTIONS holds several options.
exec "${JAVA:-java}" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MaxRAMPercentage=75 \
    -Djava.net.preferIPv4Stack=true --enable-native-access=ALL-UNNAMED \
    ${AOT_OPTIONS:-"-XX:AOTCache=$home/app.aot"} \
    -cp "$(cat "$home/classpath.txt")" com.amazonaws.services.lambda.runtime.api.client.AWSLambda "$@"
