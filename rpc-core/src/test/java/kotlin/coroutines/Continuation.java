package kotlin.coroutines;

/**
 * Stands in for Kotlin's {@code Continuation}, the hidden last parameter of a
 * {@code suspend} function, so that tests can declare the shape a Kotlin compiler emits
 * without Kotlin on the class path.
 *
 * @param <T> the result type
 */
public interface Continuation<T> {

}
