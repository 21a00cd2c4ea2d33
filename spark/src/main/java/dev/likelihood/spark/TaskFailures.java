package dev.likelihood.spark;

/**
 * Spark reports an exception thrown in a task as a SparkException ("Job aborted due to stage
 * failure ...") with the task's exception as its cause. A bad row (a null, a negative count)
 * is the caller's input error, so it comes back as the IllegalArgumentException it was, with
 * the Spark exception attached for the stage details.
 */
final class TaskFailures {

  private TaskFailures() {}

  /** The IllegalArgumentException a task threw, re-raised here, or null if none did. */
  static IllegalArgumentException inputError(Exception failure) {
    for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof IllegalArgumentException) {
        return new IllegalArgumentException(cause.getMessage(), failure);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return failure instanceof IllegalArgumentException ? (IllegalArgumentException) failure
        : null;
  }
}
