package dev.airlock.agent.guard.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The validator keyword by keyword: for each, a value that conforms and one that does not
 * ({@code pass} says which), checked whole. {@link StreamingJsonCheckTest} feeds the same cases
 * piece by piece.
 */
class JsonSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Schema, value, whether it conforms. Single quotes stand for double quotes. */
  static final String[] CASES = {
    "{'type':'string'} | 'a' | true",
    "{'type':'string'} | 1 | false",
    "{'type':'integer'} | 3 | true",
    "{'type':'integer'} | 3.0 | true",
    "{'type':'integer'} | 3.5 | false",
    "{'type':'number'} | 3.5 | true",
    "{'type':['string','null']} | null | true",
    "{'type':['string','null']} | false | false",
    "{'type':'STRING','nullable':true} | null | true",
    "{'type':'OBJECT','properties':{'n':{'type':'INTEGER'}}} | {'n':'x'} | false",
    "{'enum':['red','green']} | 'green' | true",
    "{'enum':['red','green']} | 'blue' | false",
    "{'enum':[1,2]} | 2.0 | true",
    "{'const':{'a':[1,2]}} | {'a':[1,2]} | true",
    "{'const':{'a':[1,2]}} | {'a':[2,1]} | false",
    "{'type':'object','properties':{'a':{'type':'integer'}},'required':['a']} | {'a':1} | true",
    "{'type':'object','properties':{'a':{'type':'integer'}},'required':['a']} | {} | false",
    "{'type':'object','properties':{'a':{}},'additionalProperties':false} | {'a':1} | true",
    "{'type':'object','properties':{'a':{}},'additionalProperties':false} | {'a':1,'b':2} | false",
    "{'additionalProperties':{'type':'boolean'}} | {'x':true,'y':false} | true",
    "{'additionalProperties':{'type':'boolean'}} | {'x':true,'y':0} | false",
    "{'minProperties':1,'maxProperties':2} | {'a':1,'b':2,'c':3} | false",
    "{'type':'array','items':{'type':'integer'}} | [1,2,3] | true",
    "{'type':'array','items':{'type':'integer'}} | [1,'2',3] | false",
    "{'prefixItems':[{'type':'string'},{'type':'integer'}],'items':false} | ['a',1] | true",
    "{'prefixItems':[{'type':'string'},{'type':'integer'}],'items':false} | ['a',1,2] | false",
    "{'items':[{'type':'string'}],'additionalItems':false} | ['a','b'] | false",
    "{'minItems':2,'maxItems':3} | [1] | false",
    "{'minItems':2,'maxItems':3} | [1,2,3,4] | false",
    "{'minItems':'2'} | [1,2] | true",
    "{'minimum':0,'maximum':10} | 10 | true",
    "{'minimum':0,'maximum':10} | -1 | false",
    "{'exclusiveMinimum':0} | 0 | false",
    "{'exclusiveMaximum':10} | 9.99 | true",
    "{'minimum':5,'exclusiveMinimum':true} | 5 | false",
    "{'multipleOf':0.5} | 2.5 | true",
    "{'multipleOf':0.5} | 2.4 | false",
    "{'minLength':2,'maxLength':3} | 'ab' | true",
    "{'minLength':2,'maxLength':3} | 'abcd' | false",
    "{'maxLength':2} | '\uD83D\uDE00\uD83D\uDE00' | true",
    "{'pattern':'^[A-Z]{3}$'} | 'EUR' | true",
    "{'pattern':'^[A-Z]{3}$'} | 'euro' | false",
    "{'allOf':[{'type':'integer'},{'minimum':3}]} | 4 | true",
    "{'allOf':[{'type':'integer'},{'minimum':3}]} | 2 | false",
    "{'anyOf':[{'type':'string'},{'type':'integer'}]} | 2 | true",
    "{'anyOf':[{'type':'string'},{'type':'integer'}]} | [2] | false",
    "{'oneOf':[{'type':'integer'},{'minimum':3}]} | 2 | true",
    "{'oneOf':[{'type':'integer'},{'minimum':3}]} | 4 | false",
    "{'not':{'type':'null'}} | null | false",
    "{'$defs':{'pos':{'type':'integer','minimum':1}},'type':'array','items':{'$ref':'#/$defs/pos'}} | [1,2] | true",
    "{'$defs':{'pos':{'type':'integer','minimum':1}},'type':'array','items':{'$ref':'#/$defs/pos'}} | [1,0] | false",
    "{'definitions':{'n':{'type':'object','properties':{'kids':{'type':'array','items':{'$ref':'#/definitions/n'}}},'additionalProperties':false}},'$ref':'#/definitions/n'} | {'kids':[{'kids':[]}]} | true",
    "{'definitions':{'n':{'type':'object','properties':{'kids':{'type':'array','items':{'$ref':'#/definitions/n'}}},'additionalProperties':false}},'$ref':'#/definitions/n'} | {'kids':[{'kids':[],'x':1}]} | false",
    "{'format':'email','uniqueItems':true,'x-custom':1} | 'not an email' | true",
    "{'$ref':'https://example.com/other.json'} | 42 | true",
    "{'pattern':'(?<!x)\\\\p{IsFoo}['} | 'anything' | true",
    "true | {'a':1} | true",
    "false | 1 | false",
  };

  static JsonNode json(String singleQuoted) throws Exception {
    return JSON.readTree(singleQuoted.replace('\'', '"'));
  }

  @Test
  void everyCaseWhole() throws Exception {
    for (String c : CASES) {
      String[] parts = c.split(" \\| ");
      JsonSchema schema = JsonSchema.compile(json(parts[0]));
      String violation = SchemaValidator.validate(schema, json(parts[1]));
      boolean pass = Boolean.parseBoolean(parts[2].trim());
      assertEquals(pass, violation == null, c + " -> " + violation);
    }
  }

  @Test
  void violationsNameThePathAndTheRuleNotTheValue() throws Exception {
    JsonSchema schema = JsonSchema.compile(json(
        "{'type':'object','properties':{'user':{'type':'object','properties':{'age':{'type':'integer'}}}}}"));
    String v = SchemaValidator.validate(schema, json("{'user':{'age':'secret-42'}}"));
    assertEquals("$.user.age: expected integer, got string", v);
    String enumViolation = SchemaValidator.validate(JsonSchema.compile(json("{'enum':['a']}")), json("'hunter2'"));
    assertNotNull(enumViolation);
    assertTrue(!enumViolation.contains("hunter2"), enumViolation);
  }

  @Test
  void aSchemaThatOnlyRefersToItselfDoesNotLoop() throws Exception {
    JsonSchema schema = JsonSchema.compile(json("{'$defs':{'a':{'$ref':'#/$defs/a'}},'$ref':'#/$defs/a'}"));
    assertNull(SchemaValidator.validate(schema, json("{'x':1}")));
  }
}
