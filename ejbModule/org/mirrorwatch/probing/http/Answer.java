package org.mirrorwatch.probing.http;

import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpHeader;

/**
 * How one request ended, whatever its protocol: an HTTP status with its Location, an FTP reply (200 when
 * the file is there, with the server's reply line otherwise), or a failure to get any answer.
 */
record Answer(int status, String location, String ftpReply, Throwable failure) {

    static Answer of(Result result) {
        if (result.isFailed()) {
            return failed(result.getFailure());
        }
        return new Answer(result.getResponse().getStatus(),
                result.getResponse().getHeaders().get(HttpHeader.LOCATION), null, null);
    }

    static Answer ftp(boolean found, String reply) {
        return new Answer(found ? 200 : 550, null, reply.strip(), null);
    }

    static Answer failed(Throwable failure) {
        return new Answer(0, null, null, failure);
    }
}
