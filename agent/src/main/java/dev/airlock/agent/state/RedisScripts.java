package dev.airlock.agent.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The Lua scripts behind {@link RedisState}: the same arithmetic as {@link MemoryState}, run inside
 * Redis so that each operation is one atomic round trip.
 *
 * <p>Lua numbers are doubles: integers stay exact up to 2^53, which holds every amount (micro-USD,
 * tokens) and every time (epoch micros, about 1.8e15) the agent stores. Numbers written back are
 * formatted with {@code %.0f} because Redis would otherwise print them with 14 significant digits.
 */
final class RedisScripts {

  /** A script and its SHA-1, which Redis needs for EVALSHA; computed here, so no SCRIPT LOAD round trip. */
  static final class Script {
    final String name;
    final String text;
    final String sha;

    Script(String name, String text) {
      this.name = name;
      this.text = text;
      this.sha = sha1(text);
    }
  }

  private RedisScripts() {}

  /**
   * KEYS: budget counters (hashes with s = spent, r = reserved). ARGV: per key amount, limit,
   * hard (1 or 0), ttl millis. Returns {admitted (1/0), refused index (1-based, 0 if admitted),
   * then s and r of each key before the reservation}.
   */
  static final Script RESERVE = new Script("reserve", String.join("\n",
      "local n = #KEYS",
      "local out = {1, 0}",
      "local refused = 0",
      "for i = 1, n do",
      "  local v = redis.call('HMGET', KEYS[i], 's', 'r')",
      "  local s = tonumber(v[1]) or 0",
      "  local r = tonumber(v[2]) or 0",
      "  out[2 * i + 1] = s",
      "  out[2 * i + 2] = r",
      "  local b = (i - 1) * 4",
      "  if refused == 0 and ARGV[b + 3] == '1' and tonumber(ARGV[b + 1]) > tonumber(ARGV[b + 2]) - s - r then",
      "    refused = i",
      "  end",
      "end",
      "if refused > 0 then",
      "  out[1] = 0",
      "  out[2] = refused",
      "  return out",
      "end",
      "for i = 1, n do",
      "  local b = (i - 1) * 4",
      "  redis.call('HINCRBY', KEYS[i], 'r', ARGV[b + 1])",
      "  redis.call('PEXPIRE', KEYS[i], ARGV[b + 4])",
      "end",
      "return out"));

  /**
   * KEYS: budget counters. ARGV: per key spent delta, reserved delta, ttl millis. Reserved is
   * floored at zero. Returns s of each key afterwards.
   */
  static final Script ADD = new Script("add", String.join("\n",
      "local out = {}",
      "for i = 1, #KEYS do",
      "  local b = (i - 1) * 3",
      "  local s = redis.call('HINCRBY', KEYS[i], 's', ARGV[b + 1])",
      "  if tonumber(ARGV[b + 2]) ~= 0 then",
      "    local r = redis.call('HINCRBY', KEYS[i], 'r', ARGV[b + 2])",
      "    if r < 0 then redis.call('HSET', KEYS[i], 'r', '0') end",
      "  end",
      "  redis.call('PEXPIRE', KEYS[i], ARGV[b + 3])",
      "  out[i] = s",
      "end",
      "return out"));

  /** KEYS[1]: a budget counter. Returns {s, r}, zeros if absent. */
  static final Script READ = new Script("read", String.join("\n",
      "local v = redis.call('HMGET', KEYS[1], 's', 'r')",
      "return {tonumber(v[1]) or 0, tonumber(v[2]) or 0}"));

  /**
   * KEYS: rate buckets (strings holding the GCRA time, epoch micros). ARGV[1]: now (micros); then
   * per key cost, burst, max delay (micros). Returns {admitted (1/0), delay micros, refused index
   * (1-based, 0 if admitted)}.
   */
  static final Script ACQUIRE = new Script("acquire", String.join("\n",
      "local now = tonumber(ARGV[1])",
      "local n = #KEYS",
      "local nexts = {}",
      "local delay = 0",
      "local refused = 0",
      "for i = 1, n do",
      "  local b = 1 + (i - 1) * 3",
      "  local cost = tonumber(ARGV[b + 1])",
      "  local tat = tonumber(redis.call('GET', KEYS[i]) or '0')",
      "  local wait = 0",
      "  if tat > now then",
      "    wait = tat + cost - now - tonumber(ARGV[b + 2])",
      "    if wait < 0 then wait = 0 end",
      "  else",
      "    tat = now",
      "  end",
      "  nexts[i] = tat + cost",
      "  if wait > delay then delay = wait end",
      "  if refused == 0 and wait > tonumber(ARGV[b + 3]) then refused = i end",
      "end",
      "if refused > 0 then return {0, delay, refused} end",
      "for i = 1, n do",
      "  local ttl = math.floor((nexts[i] - now + 999) / 1000) + 1000",
      "  redis.call('SET', KEYS[i], string.format('%.0f', nexts[i]), 'PX', string.format('%.0f', ttl))",
      "end",
      "return {1, delay, 0}"));

  /** KEYS: rate buckets. ARGV[1]: now (micros); then per key a delta (micros). Returns 0. */
  static final Script ADJUST = new Script("adjust", String.join("\n",
      "local now = tonumber(ARGV[1])",
      "for i = 1, #KEYS do",
      "  local d = tonumber(ARGV[1 + i])",
      "  if d ~= 0 then",
      "    local tat = tonumber(redis.call('GET', KEYS[i]) or '0')",
      "    if tat < now then tat = now end",
      "    local nt = tat + d",
      "    if nt <= now then",
      "      redis.call('DEL', KEYS[i])",
      "    else",
      "      local ttl = math.floor((nt - now + 999) / 1000) + 1000",
      "      redis.call('SET', KEYS[i], string.format('%.0f', nt), 'PX', string.format('%.0f', ttl))",
      "    end",
      "  end",
      "end",
      "return 0"));

  static final Script[] ALL = {RESERVE, ADD, READ, ACQUIRE, ADJUST};

  private static String sha1(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(40);
      for (byte b : digest) {
        hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required of every JVM", e);
    }
  }
}
