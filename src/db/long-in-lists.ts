/**
 * `where id in (…)` with tens of thousands of ids (a province's battle map) binds one parameter per
 * id: SQLite refuses more than 32,766 and PostgreSQL 65,535 ("too many SQL variables", a 500). This
 * plugin turns a long list of strings into ONE parameter, a JSON array, read back by the database:
 * `in (select value from json_each(?))` on SQLite, `in (select jsonb_array_elements_text(?::jsonb))`
 * on PostgreSQL. Short lists stay as they are (their plans are the best).
 */
import {
  BinaryOperationNode,
  type KyselyPlugin,
  OperationNodeTransformer,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  PrimitiveValueListNode,
  type QueryId,
  type QueryResult,
  RawNode,
  type RootOperationNode,
  type UnknownRow,
  ValueNode,
} from "kysely";

/** Lists longer than this are bound as one JSON parameter. */
export const LONG_LIST = 1000;

class LongListTransformer extends OperationNodeTransformer {
  constructor(private readonly dialect: "sqlite" | "postgres") {
    super();
  }

  protected override transformBinaryOperation(
    node: BinaryOperationNode,
    queryId?: QueryId,
  ): BinaryOperationNode {
    const t = super.transformBinaryOperation(node, queryId);
    const op = "operator" in t.operator ? t.operator.operator : undefined;
    const list = t.rightOperand;
    if (op !== "in" && op !== "not in") return t;
    if (!PrimitiveValueListNode.is(list) || list.values.length <= LONG_LIST) return t;
    // Ids are text; a list of numbers stays bound value by value (no column type to cast to).
    if (!list.values.every((v) => typeof v === "string")) return t;
    const json = ValueNode.create(JSON.stringify(list.values));
    const read =
      this.dialect === "sqlite"
        ? RawNode.create(["(select value from json_each(", "))"], [json])
        : RawNode.create(["(select jsonb_array_elements_text(", "::jsonb))"], [json]);
    return BinaryOperationNode.create(t.leftOperand, t.operator, read);
  }
}

/** Whether a node tree holds a list longer than {@link LONG_LIST}: a walk that allocates nothing. */
function hasLongList(node: unknown, depth = 0): boolean {
  if (node === null || typeof node !== "object" || depth > 200) return false;
  if (Array.isArray(node)) {
    for (const x of node) if (hasLongList(x, depth + 1)) return true;
    return false;
  }
  const n = node as { kind?: string; values?: readonly unknown[] }; // every node has a kind
  if (n.kind === "PrimitiveValueListNode") return (n.values?.length ?? 0) > LONG_LIST;
  for (const key in node) {
    const v = (node as Record<string, unknown>)[key];
    if (v !== null && typeof v === "object" && hasLongList(v, depth + 1)) return true;
  }
  return false;
}

export class LongInListsPlugin implements KyselyPlugin {
  readonly #transformer: LongListTransformer;

  constructor(dialect: "sqlite" | "postgres") {
    this.#transformer = new LongListTransformer(dialect);
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    // Most queries have no long list: they pass untouched (the transformer rebuilds every node).
    return hasLongList(args.node) ? this.#transformer.transformNode(args.node, args.queryId) : args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
