package dev.airlock.agent.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * The mutable facts gathered while reading a response, whole or event by event; {@link
 * #toResponse()} freezes them into an {@link LlmResponse}. Not thread-safe.
 */
final class ResponseState {

  /** Choice indexes beyond this are appended instead of placed, so a hostile index cannot allocate much. */
  private static final int MAX_CHOICE_INDEX = 1024;

  String id;
  String model;
  Usage usage;
  String errorType;
  /** A stream's end was seen ([DONE], message_stop, response.completed, Gemini finishReason, an error event). */
  boolean terminal;

  private final ArrayList<String> finishReasons = new ArrayList<>(1);

  /** Keeps the first non-empty id: later chunks repeat it, and Azure's first chunk has an empty one. */
  void id(String value) {
    if (id == null && value != null && !value.isEmpty()) {
      id = value;
    }
  }

  /** Keeps the first non-empty model: Azure's content-filter chunk carries {@code "model": ""}. */
  void model(String value) {
    if (model == null && value != null && !value.isEmpty()) {
      model = value;
    }
  }

  void finishReason(int index, String reason) {
    if (reason == null) {
      return;
    }
    if (index < 0 || index > MAX_CHOICE_INDEX) {
      finishReasons.add(reason);
      return;
    }
    while (finishReasons.size() <= index) {
      finishReasons.add(null);
    }
    finishReasons.set(index, reason);
  }

  boolean hasFinishReason() {
    for (int i = 0; i < finishReasons.size(); i++) {
      if (finishReasons.get(i) != null) {
        return true;
      }
    }
    return false;
  }

  LlmResponse toResponse() {
    List<String> reasons = new ArrayList<>(finishReasons.size());
    for (int i = 0; i < finishReasons.size(); i++) {
      String r = finishReasons.get(i);
      if (r != null) {
        reasons.add(r);
      }
    }
    return LlmResponse.of(id, model, reasons, usage, errorType);
  }
}
