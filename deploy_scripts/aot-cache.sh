#!/bin/sh
# Trains the functions' AOT cache, as the image build does and as a developer can (JDK 25 or later):
#   JAVA=/path/to/jdk-25/bin/java deploy_scripts/aot-cache.sh DIR
# It lays out what `mvn package` wrote to target/lambda under DIR as the image holds it in /var/task: the jars in
# DIR/lib, their class path in DIR/classpath.txt, and the entrypoint. One JVM started by that entrypoint then
# answers every function's sample events through Lambda's runtime interface client, against a loopback Runtime
# API and a loopback stub Data API, and writes DIR/app.aot as it exits. With AOT_CHECK=1 each function is then
# started alone with -XX:AOTMode=on, and the share of its classes that the cache served is printed.
# Plain sh and java only: the image's base has little else.
set -eu

[ $# -eq 1 ] || { echo "usage: $0 DIR" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
build=${LAMBDA_BUILD:-$here/../target/lambda}
java=${JAVA:-java}
command -v "$java" >/dev/null 2>&1 || { echo "aot-cache: no java at '$java': set JAVA to a JDK 25 java" >&2; exit 1; }
[ -f "$build/jars.txt" ] || { echo "aot-cache: no $build/jars.txt: run 'mvn package -DskipTests' first" >&2; exit 1; }

training="$build/ec2-inventory-aot-training.jar:$build/lib/*"
export JAVA="$java"
"$java" -cp "$training" dev.ec2inventory.local.aot.AotTraining train "$1" "$build" "$here/lambda-entrypoint.sh"
if [ "${AOT_CHECK:-0}" = 1 ]; then
    "$java" -cp "$training" dev.ec2inventory.local.aot.AotTraining check "$1"
fi
