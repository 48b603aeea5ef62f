package io.stylegraph.api.problem;

import java.util.Map;

import io.micronaut.aop.InterceptPhase;
import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.type.MutableArgumentValue;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import jakarta.inject.Singleton;

/** Holds the string arguments of {@link ScreenedInput} controllers to {@link InputRules}. */
@Singleton
@InterceptorBean(ScreenedInput.class)
public class InputScreenInterceptor implements MethodInterceptor<Object, Object> {

    @Override
    public int getOrder() {
        // before bean validation: a NUL byte is named as such rather than as a pattern mismatch
        return InterceptPhase.VALIDATE.getPosition() - 10;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        for (Map.Entry<String, MutableArgumentValue<?>> entry : context.getParameters().entrySet()) {
            if (entry.getValue().getValue() instanceof String value) {
                AnnotationMetadata annotations = entry.getValue().getAnnotationMetadata();
                String field = requestName(annotations, entry.getKey());
                if (annotations.hasAnnotation(Part.class) || annotations.hasAnnotation(Body.class)) {
                    InputRules.requireClean(value, field, true, InputRules.MAX_PART_VALUE);
                } else {
                    InputRules.requireClean(value, field, InputRules.Source.URL);
                }
            }
        }
        return context.proceed();
    }

    /** The name the client used: the annotation's value when it renames the parameter. */
    private static String requestName(AnnotationMetadata annotations, String parameter) {
        for (Class<? extends java.lang.annotation.Annotation> kind
                : java.util.List.of(Part.class, QueryValue.class, PathVariable.class, Header.class)) {
            String named = annotations.stringValue(kind).orElse(null);
            if (named != null && !named.isBlank()) {
                return named;
            }
        }
        return parameter;
    }
}
