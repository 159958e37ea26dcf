#!/usr/bin/env node
// Offline stand-in for Prisma's native `schema-engine` binary, which the Prisma CLI would otherwise
// download. It speaks the binary's protocol over the WebAssembly engine published on npm:
//   schema-engine --version
//   schema-engine --datasource <json> cli can-connect-to-database|create-database|drop-database
//   schema-engine [--datamodels <file>]... [--datasource <json>]   JSON-RPC 2.0, a message per line
//     on stdin/stdout, JSON log lines on stderr.
// Only PostgreSQL is wired (through @prisma/adapter-pg). Selected by PRISMA_SCHEMA_ENGINE_BINARY.
import fs from "node:fs";
import readline from "node:readline";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { parse as parseConnectionString } from "pg-connection-string";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";

const WASM_GLUE_URL = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
const RPC_METHODS = new Set(["applyMigrations", "createMigration", "dbExecute", "debugPanic", "devDiagnostic",
  "diagnoseMigrationHistory", "diff", "ensureConnectionValidity", "evaluateDataLoss", "introspect", "introspectSql",
  "markMigrationApplied", "markMigrationRolledBack", "reset", "schemaPush", "version"]);
const RPC_ALIASES = { getDatabaseVersion: "version" }; // the CLI's name for the WASM `version` method

// The CLI reads stderr as JSON log lines; ERROR lines of this target carry Prisma error codes.
function log(level, message, extra = {}) {
  const line = { timestamp: new Date().toISOString(), level, fields: { message, ...extra }, target: "schema_engine::logger" };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}

// Engine catalog queries return PostgreSQL's internal "char" type (OID 18, e.g. pg_constraint.contype),
// which adapter-pg rejects. Have node-postgres parse it as text (OID 25) and note the columns on the
// rows array, which adapter-pg passes through, so `fixAdapter` can type them as Character like the
// native engine does (the engine reads them as chars and panics on text).
const addFields = pg.Result.prototype.addFields;
pg.Result.prototype.addFields = function (fields) {
  const charColumns = fields.flatMap((field, i) => (field.dataTypeID === 18 ? [i] : []));
  for (const i of charColumns) fields[i].dataTypeID = 25;
  if (charColumns.length > 0) this.rows.charColumns = charColumns;
  return addFields.call(this, fields);
};

// Applies the fixes to an adapter-pg connection and to the transactions it starts.
function fixAdapter(queryable) {
  const { queryRaw, startTransaction } = queryable;
  queryable.queryRaw = async (query) => {
    const resultSet = await queryRaw.call(queryable, query);
    for (const i of resultSet.rows.charColumns ?? []) resultSet.columnTypes[i] = ColumnTypeEnum.Character;
    return resultSet;
  };
  if (startTransaction) queryable.startTransaction = async (...args) => fixAdapter(await startTransaction.apply(queryable, args));
  // adapter-pg splits scripts (migrations!) at every ";", breaking functions and string literals;
  // send the whole script as one simple query, as the native engine does.
  if (queryable.executeScript) {
    queryable.executeScript = (script) => queryable.underlyingDriver().query(script).then(() => {}, (err) => queryable.onError(err));
  }
  return queryable;
}

// A parsed config, not a URL: adapter-pg builds shadow configs as `{ ...config, database }`, and a
// `connectionString` would win over that `database`.
function pgConfig(url) {
  const config = parseConnectionString(url);
  const timeoutSeconds = Number(config.connect_timeout) || 5; // the native engine's default
  return { ...config, host: config.host || "localhost", port: Number(config.port) || 5432, connectionTimeoutMillis: timeoutSeconds * 1000 };
}

const quoteIdent = (name) => `"${String(name).replaceAll('"', '""')}"`;

// node-postgres errors as the Prisma error codes and wording the CLI reacts to: P1003 makes
// `migrate dev` create the database, P1001 is the usual "is the server running?".
function describePgError(err, { host, port, user, database }) {
  const at = `\`${host}:${port}\``;
  if (err.code === "3D000") return { code: "P1003", message: `Database \`${database}\` does not exist on the database server at ${at}.` };
  if (err.code === "28P01" || err.code === "28000") return { code: "P1000", message: `Authentication failed against database server at ${at}, the provided database credentials for \`${user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at ${at}.` };
  if (err.code === "42P04") return { code: "P1009", message: `Database \`${database}\` already exists on the database server at ${at}` };
  if (err.code === "42501") return { code: "P1010", message: `User \`${user}\` was denied access on the database \`${database}\`` };
  if (["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ECONNRESET", "EAI_AGAIN"].includes(err.code)) return { code: "P1001", message: `Can't reach database server at ${at}\n\nPlease make sure your database server is running at ${at}.` };
  if (err.code === "ETIMEDOUT" || /timeout/i.test(err.message)) return { code: "P1002", message: `The database server at ${at} was reached but timed out.\n\nPlease try again.\n\nPlease make sure your database server is running at ${at}.` };
  return { code: undefined, message: err.message };
}

// Runs `fn` on a short-lived connection. Failures to connect come back described (`err.prisma`);
// failures inside `fn` are left to the caller, who knows which database they concern.
async function withClient(config, fn) {
  const client = new pg.Client(config);
  client.on("error", () => {}); // a connection dropped by the server must not crash the process
  await client.connect().catch((err) => { throw Object.assign(err, { prisma: describePgError(err, config) }); });
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

async function runCliCommand(command, datasource) {
  log("INFO", "Starting schema engine CLI"); // the CLI skips the first stderr line
  const target = pgConfig(datasource.url);
  const maintenance = { ...target, database: "postgres" }; // no database can create or drop itself
  const statements = { "create-database": "CREATE DATABASE", "drop-database": "DROP DATABASE" };
  try {
    if (command === "can-connect-to-database") await withClient(target, (c) => c.query("SELECT 1"));
    else if (statements[command]) await withClient(maintenance, (c) => c.query(`${statements[command]} ${quoteIdent(target.database)}`));
    else throw new Error(`Unknown schema engine CLI command: ${command}`);
  } catch (err) {
    const { code, message } = err.prisma ?? describePgError(err, target);
    log("ERROR", message, code ? { error_code: code } : {});
    process.exitCode = 1;
  }
}

// adapter-pg's own `connectToShadowDb` drops the shadow database before closing the pool that uses it
// ("is being accessed by other users"); close first, then force-drop. Shadow databases still alive
// when the process ends (engine panic) are dropped by `dropShadowDatabases`.
class MigrationAwarePg {
  provider = "postgres";
  adapterName = "@prisma/adapter-pg";
  shadowDatabases = new Set();
  constructor(config, shadowConfig) {
    this.config = config;
    this.shadowConfig = shadowConfig;
    this.options = { schema: config.schema, onPoolError: (err) => log("WARN", `PostgreSQL pool error: ${err.message}`) };
  }
  async connect() {
    return fixAdapter(await new PrismaPg(this.config, this.options).connect());
  }
  async connectToShadowDb() {
    if (this.shadowConfig) return this.connectToConfiguredShadowDb();
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await withClient(this.config, (c) => c.query(`CREATE DATABASE ${quoteIdent(database)}`));
    this.shadowDatabases.add(database);
    const adapter = fixAdapter(await new PrismaPg({ ...this.config, database }, this.options).connect());
    const closePool = adapter.dispose.bind(adapter);
    adapter.dispose = async () => { await closePool(); await this.dropShadowDatabase(database); };
    return adapter;
  }
  async dropShadowDatabase(database) {
    await withClient(this.config, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`));
    this.shadowDatabases.delete(database);
  }
  dropShadowDatabases() {
    return Promise.allSettled([...this.shadowDatabases].map((database) => this.dropShadowDatabase(database)));
  }
  // `shadowDatabaseUrl` is for servers where we may not create databases. The engine expects it
  // empty, so empty its schema first, as the native engine resets it.
  async connectToConfiguredShadowDb() {
    const { config, shadowConfig } = this;
    if (["host", "port", "database"].every((key) => shadowConfig[key] === config[key])) {
      throw new Error("The shadow database you configured appears to be the same as the main database. Please specify another shadow database.");
    }
    const schema = shadowConfig.schema ?? config.schema ?? "public";
    await withClient(shadowConfig, (c) => c.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE; CREATE SCHEMA ${quoteIdent(schema)}`));
    return fixAdapter(await new PrismaPg(shadowConfig, { ...this.options, schema }).connect());
  }
}

// Without a reachable database the engine can still diff schema files, but `SchemaEngine.new` runs one
// probe query eagerly and, when it fails, throws outside of any promise. So answer the probe and fail
// everything else with the real reason (no datasource, or the server's P1001/P1003/... error).
function offlineFactory(reason) {
  const fail = async () => { throw reason; };
  const adapter = {
    provider: "postgres", adapterName: "@prisma/adapter-pg",
    async queryRaw({ sql }) {
      if (!sql.startsWith("SELECT EXISTS(SELECT 1 FROM pg_namespace")) throw reason;
      return { columnNames: ["exists", "version", "numeric_version"], columnTypes: [5, 7, 0], rows: [[true, "PostgreSQL 16.0", 160000]] };
    },
    executeRaw: fail, executeScript: fail, startTransaction: fail, dispose: async () => {},
    getConnectionInfo: () => ({ supportsRelationJoins: true }),
  };
  return { provider: "postgres", adapterName: "@prisma/adapter-pg", connect: async () => adapter, connectToShadowDb: fail };
}

async function createAdapterFactory(datasource) {
  if (!datasource?.url) return offlineFactory(new Error("No datasource URL is configured (`datasource.url` in prisma.config.ts)."));
  const config = pgConfig(datasource.url);
  const failure = await withClient(config, (c) => c.query("SELECT 1")).then(() => null, (err) => err);
  if (failure) {
    const { code, message } = failure.prisma ?? describePgError(failure, config);
    return offlineFactory(Object.assign(new Error(message), { errorCode: code }));
  }
  return new MigrationAwarePg(config, datasource.shadowDatabaseUrl ? pgConfig(datasource.shadowDatabaseUrl) : undefined);
}

// Node 20 cannot `import` a .wasm file: instantiate it by hand, the way wasm-bindgen's glue expects.
async function loadWasmEngine() {
  const glue = await import(WASM_GLUE_URL);
  const bytes = fs.readFileSync(new URL("./schema_engine_bg.wasm", WASM_GLUE_URL));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return glue;
}

let lastPanicMessage = "The schema engine panicked.";
globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message: (message) => { lastPanicMessage = message; } };
let cleanUp = async () => {};
const exit = (code) => cleanUp().finally(() => process.exit(code));

// JSON-RPC error data in the native engine's shape. Adapter failures surface as "External error
// id#N": the real error waits in the adapter's registry, and debugging is blind without it.
function toRpcError(err, factory) {
  if (err instanceof WebAssembly.RuntimeError) return { code: 4466, message: lastPanicMessage, data: { is_panic: true, message: lastPanicMessage, backtrace: err.stack } };
  let message = String(err?.message ?? err);
  let errorCode = err?.code;
  const external = /External error id#(\d+)/.exec(message);
  const cause = external && factory.errorRegistry.consumeError(Number(external[1]))?.error;
  if (cause) {
    log("ERROR", `Driver adapter error: ${cause.stack ?? cause}`);
    message = message.replace(external[0], cause.message);
    errorCode ??= cause.errorCode;
  }
  return { code: 4466, message: "An error happened. Check the data field for details.", data: { is_panic: false, message, meta: err?.meta, error_code: errorCode } };
}

async function serveRpc(datamodelPaths, datasource) {
  const send = (message) => new Promise((resolve) => process.stdout.write(`${JSON.stringify(message)}\n`, resolve));
  // `migrate diff` passes no --datamodels, which must be `undefined`: the engine panics on `[]`.
  const datamodels = datamodelPaths.length > 0 ? datamodelPaths.map((file) => [file, fs.readFileSync(file, "utf8")]) : undefined;
  const rawFactory = await createAdapterFactory(datasource);
  cleanUp = async () => { await rawFactory.dropShadowDatabases?.(); };
  const factory = bindMigrationAwareSqlAdapterFactory(rawFactory);
  const { SchemaEngine } = await loadWasmEngine();
  const engine = await SchemaEngine.new({ datamodels }, (line) => process.stderr.write(`${line}\n`), factory);

  // The engine may call the CLI too (`print`); the CLI's answers arrive on stdin.
  const cliCalls = new Map();
  let nextCliCallId = 1;
  const callCli = (method, params) => new Promise((resolve) => {
    const id = nextCliCallId++;
    cliCalls.set(id, resolve);
    void send({ jsonrpc: "2.0", id, method, params });
  });

  // evaluateDataLoss/createMigration get no shadow database in the WASM engine, only a cache of the
  // schemas migrations produce, filled by devDiagnostic/diagnoseMigrationHistory. After applyMigrations
  // applied something (`migrate dev` with pending migrations) it misses; fill it and retry (both only read).
  async function callEngine(name, params) {
    try {
      return await engine[name](params);
    } catch (err) {
      if (!["evaluateDataLoss", "createMigration"].includes(name) || !/shadow DB must be provided through an external factory/.test(err?.message)) throw err;
      await engine.diagnoseMigrationHistory({ migrationsList: params.migrationsList, optInToShadowDatabase: true, filters: params.filters });
      return engine[name](params);
    }
  }

  async function handle({ id, method, params }) {
    const name = RPC_ALIASES[method] ?? method;
    if (!RPC_METHODS.has(name)) return send({ jsonrpc: "2.0", id, error: { code: -32601, message: `Method not found: ${method}` } });
    try {
      let result = await callEngine(name, params);
      // The WASM engine returns the diff as `stdout`, but the CLI only prints what comes via `print`.
      if (name === "diff" && typeof result?.stdout === "string") {
        await callCli("print", { content: result.stdout });
        result = { ...result, stdout: null };
      }
      await send({ jsonrpc: "2.0", id, result: result ?? null });
    } catch (err) {
      const error = toRpcError(err, factory);
      await send({ jsonrpc: "2.0", id, error });
      if (error.data.is_panic) await exit(101); // a panicked WASM instance must not be used again
    }
  }

  // One request at a time: the CLI sends them sequentially, and the engine is not reentrant.
  let queue = Promise.resolve();
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    const message = JSON.parse(line);
    if (message.method !== undefined) {
      queue = queue.then(() => handle(message));
    } else if (cliCalls.has(message.id)) {
      cliCalls.get(message.id)(message);
      cliCalls.delete(message.id);
    }
  });
  lines.on("close", () => queue.then(() => exit(0))); // the CLI ends stdin to stop the engine
}

async function main(argv) {
  const datamodelPaths = [];
  let datasource, cliCommand;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--version" || arg === "-V") {
      const { version } = JSON.parse(fs.readFileSync(new URL("./package.json", WASM_GLUE_URL), "utf8"));
      return void process.stdout.write(`schema-engine-cli ${version.split(".").pop()}\n`); // the engines' commit hash
    }
    if (arg === "--datamodels") datamodelPaths.push(argv[++i]);
    else if (arg === "--datasource") datasource = JSON.parse(argv[++i]);
    else if (arg === "--enabled-preview-features" || arg === "--extension-types") i++; // unused with PostgreSQL
    else if (arg === "cli") cliCommand = argv[++i];
    else throw new Error(`Unknown argument: ${arg}`);
  }
  if (cliCommand) return runCliCommand(cliCommand, datasource ?? {});
  return serveRpc(datamodelPaths, datasource);
}

// Fatal errors reach the user as the CLI's "Error in Schema engine: <last ERROR line>" (exit code 1);
// a Rust panic thrown outside a request (exit code 101) makes the CLI offer its panic report.
process.on("uncaughtException", (err) => {
  const panicked = err instanceof WebAssembly.RuntimeError;
  log("ERROR", panicked ? lastPanicMessage : err.message, { backtrace: err.stack });
  void exit(panicked ? 101 : 1);
});
main(process.argv.slice(2)).catch((err) => {
  log("ERROR", err.message, { backtrace: err.stack });
  void exit(1);
});
