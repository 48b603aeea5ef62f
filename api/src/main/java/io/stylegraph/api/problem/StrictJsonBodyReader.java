package io.stylegraph.api.problem;

import java.io.IOException;
import java.io.InputStream;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.http.codec.CodecException;
import jakarta.inject.Singleton;

/**
 * Request bodies of the application's own command types are read through {@link StrictJson}; other types (maps, the
 * framework's) keep the framework's JSON reader. Ordered before it.
 */
@Singleton
@Order(-100)
@Consumes({MediaType.APPLICATION_JSON, "text/json", "application/*+json"})
public class StrictJsonBodyReader<T> implements MessageBodyReader<T> {
    private final StrictJson strict;

    public StrictJsonBodyReader(StrictJson strict) {
        this.strict = strict;
    }

    @Override
    public boolean isReadable(Argument<T> type, MediaType mediaType) {
        Class<?> raw = type.getType();
        return raw.getName().startsWith("io.stylegraph.") && BeanIntrospector.SHARED.findIntrospection(raw).isPresent();
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers headers, ByteBuffer<?> byteBuffer)
            throws CodecException {
        // the buffer stays the caller's to release
        return strict.read(byteBuffer.toByteArray(), type, null);
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers headers, InputStream inputStream)
            throws CodecException {
        try {
            return strict.read(inputStream.readAllBytes(), type, null);
        } catch (IOException e) {
            throw new CodecException("The request body could not be read", e);
        }
    }
}
