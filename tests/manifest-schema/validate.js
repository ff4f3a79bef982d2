// Validates a JSON document against a schema bundled in the official @microsoft/app-manifest package,
// with the package's own validator (ajv draft-04 + formats, as the Teams tooling runs it).
// Usage: node validate.js <schema path under json-schemas/, e.g. teams/v1.30/MicrosoftTeams.schema.json> <file.json>
// Exit code 0 = valid, 1 = invalid (errors on stdout), 2 = usage or load error.
"use strict";
const fs = require("fs");
const path = require("path");

// The localization schema's key patterns (e.g. "\\b(...)\\b]") are not valid with the regex "u" flag that the
// package's validator compiles with, so they get the same ajv draft-04 setup with non-unicode patterns.
function validateLocalization(document, schema) {
  const Ajv = require("ajv-draft-04");
  const addFormats = require("ajv-formats");
  const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ["uri", "email", "regex"]);
  const validate = ajv.compile(schema);
  if (validate(document)) {
    return [];
  }
  return validate.errors.map((error) => `${error.instancePath} ${error.message || ""}. Details: ${JSON.stringify(error.params)}`);
}

async function main() {
  const [schemaRelative, documentPath] = process.argv.slice(2);
  if (!schemaRelative || !documentPath) {
    console.error("usage: node validate.js <schema path under json-schemas/> <file.json>");
    return 2;
  }
  const packageRoot = path.dirname(require.resolve("@microsoft/app-manifest/package.json"));
  const schemaPath = path.join(packageRoot, "build", "json-schemas", schemaRelative);
  if (!fs.existsSync(schemaPath)) {
    console.error(`schema not found: ${schemaPath}`);
    return 2;
  }
  const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8"));
  const document = JSON.parse(fs.readFileSync(documentPath, "utf8").replace(/^\uFEFF/, ""));
  const errors = path.basename(schemaPath).includes("Localization")
    ? validateLocalization(document, schema)
    : await require("@microsoft/app-manifest").AppManifestUtils.validateAgainstSchema(document, schema);
  for (const error of errors) {
    console.log(error);
  }
  console.log(errors.length === 0 ? `valid against ${schemaRelative}` : `${errors.length} error(s) against ${schemaRelative}`);
  return errors.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error && error.stack ? error.stack : String(error));
    process.exit(2);
  });
