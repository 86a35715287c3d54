package dev.ec2inventory.hostile;

import dev.ec2inventory.hostile.HostileCase.Level;

/** A way to send the corpus's requests to the API: straight to the handlers, or over HTTP. */
interface Channel {

    /** {@link Level#HANDLER} or {@link Level#HTTP}: which cases this channel runs. */
    Level level();

    Reply send(HostileRequest request) throws Exception;

    /** {@code GET /ec2/{id}} for an id as stored, for reading writes back. */
    Reply read(String awsInstanceId) throws Exception;
}
