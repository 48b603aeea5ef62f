package io.stylegraph.client

import io.stylegraph.client.infrastructure.ClientError
import io.stylegraph.client.infrastructure.ClientException
import io.stylegraph.client.infrastructure.Serializer
import io.stylegraph.client.infrastructure.ServerError
import io.stylegraph.client.infrastructure.ServerException
import io.stylegraph.client.model.Problem

/**
 * The RFC 7807 problem document the service answered a failed call with, typed: switch on [Problem.code] and show
 * [Problem.field]'s message next to that field. Null when the body is not a problem document (a proxy's own page, say).
 */
fun ClientException.problem(): Problem? = parseProblem((response as? ClientError<*>)?.body)

/** The same for a 5xx answer, e.g. 503 `outfits-not-ready` while a model is not served yet: worth retrying later. */
fun ServerException.problem(): Problem? = parseProblem((response as? ServerError<*>)?.body)

private fun parseProblem(body: Any?): Problem? {
    if (body !is String) {
        return null
    }
    return try {
        Serializer.moshi.adapter(Problem::class.java).fromJson(body)
    } catch (notAProblem: Exception) {
        null
    }
}
