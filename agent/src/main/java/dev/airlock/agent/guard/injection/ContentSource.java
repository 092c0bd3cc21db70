package dev.airlock.agent.guard.injection;

/**
 * Where a piece of prompt text came from. The source decides how an {@link InjectionDetector}
 * weighs what it finds: the same words mean different things when the end user types them and
 * when they arrive inside data the application fetched on the user's behalf.
 */
public enum ContentSource {

  /** Text the end user typed: the channel of direct injection and jailbreaks. */
  USER,

  /**
   * The output of a tool or function call that is fed back to the model. Indirect injection:
   * data has no business addressing the assistant, so instructions aimed at it weigh more here.
   */
  TOOL_RESULT,

  /**
   * A document placed in the prompt by retrieval (RAG chunks, web pages, e-mails, files).
   * Weighted like {@link #TOOL_RESULT}, slightly softer on role-play wording, which documents
   * quote more often than tool outputs do.
   */
  RETRIEVED_DOCUMENT,

  /**
   * The application's own system or developer instructions. Trusted by definition and never
   * scored: a detector returns {@link InjectionScore#none()} for it.
   */
  SYSTEM
}
