package dev.airlock.policy;

import java.math.BigDecimal;

/**
 * A scalar: string, number, boolean or null, with the text exactly as written (so {@code 1.10}
 * stays {@code 1.10} in messages) and, for numbers, an exact decimal value.
 *
 * <p>YAML typing follows YAML 1.2 here: only {@code true}/{@code false} are booleans, so that
 * {@code fsync: off} or {@code on: [...]} stay strings (see {@link LocatedParser}).
 */
final class ScalarNode extends PolicyNode {

  /** What the parser decided the scalar is. */
  enum Type {
    STRING,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    NULL,
    /**
     * Stands in for a value the parser already reported (a YAML alias, a binary scalar), so later
     * checks stay silent about it instead of piling a second error on the same spot.
     */
    INVALID
  }

  private final Type type;
  private final String text;
  private final BigDecimal number;

  /**
   * @param number exact value for {@link Type#INTEGER} and {@link Type#DECIMAL}; null when the
   *     number is not finite ({@code .inf}, {@code .nan})
   */
  ScalarNode(int line, int column, String path, Type type, String text, BigDecimal number) {
    super(line, column, path);
    this.type = type;
    this.text = text == null ? "" : text;
    this.number = number;
  }

  Type type() {
    return type;
  }

  /** The scalar as written; empty for null. */
  String text() {
    return text;
  }

  boolean isString() {
    return type == Type.STRING;
  }

  boolean isNumber() {
    return type == Type.INTEGER || type == Type.DECIMAL;
  }

  boolean isNull() {
    return type == Type.NULL;
  }

  /** True for a placeholder of a value already reported, see {@link Type#INVALID}. */
  boolean isInvalid() {
    return type == Type.INVALID;
  }

  /** Exact value of a finite number, else null. */
  BigDecimal number() {
    return number;
  }

  /** For {@link Type#BOOLEAN}: the value. */
  boolean booleanValue() {
    return "true".equalsIgnoreCase(text);
  }

  @Override
  String describe() {
    switch (type) {
      case STRING:
        return "a string";
      case INTEGER:
      case DECIMAL:
        return "a number";
      case BOOLEAN:
        return "a boolean";
      case NULL:
        return "null";
      default:
        return "an invalid value";
    }
  }
}
