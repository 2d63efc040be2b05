# Schemathesis hooks for tools/fuzz/run.mjs (loaded through SCHEMATHESIS_HOOKS), reading the rules
# config.mjs writes for the run (BONFIRE_FUZZ_RULES).
#
# refusal_code_conformance: positive_data_acceptance (built in) judges a refusal of a schema-valid request
# by its status alone. This check narrows each such allowance to the error codes that make it correct: a
# schema-valid request may be refused only with a status the operation accepts AND a code named for that
# operation and status, either by the API document itself (403/404/409/429: "UNKNOWN_CHANNEL",
# "MEMBER_HIERARCHY", ...) or by an entry of ACCEPTED_REFUSALS in config.mjs (VALIDATION_FAILED only for
# the fields listed there). Anything else (another code, another field, no common error body) is a finding.
#
# before_call: a call that would destroy a fixture the run leans on (the fuzzed guild, its channels, ...)
# is sent to the fixture's spare instead (config.mjs protectedFixtures).
import json
import os
import re

import schemathesis

_RULES_PATH = os.environ.get("BONFIRE_FUZZ_RULES")
_RULES = {}
if _RULES_PATH:
    with open(_RULES_PATH, encoding="utf-8") as source:
        _RULES = json.load(source)
_ALLOWANCES = _RULES.get("operations", {})
_PROTECT = {}
for _rule in _RULES.get("protect", []):
    _PROTECT.setdefault(_rule["operation"], []).append(_rule)

_INDEX = re.compile(r"\.\d+(?=\.|$)")


def _allowed(rule, code, fields):
    """`rule` is {"code": ..., "fields": [...] or None}; every field of the refusal must be listed."""
    if rule["code"] != code:
        return False
    if rule["fields"] is None:
        return True
    listed = set(rule["fields"])
    return bool(fields) and all(_INDEX.sub(".*", field) in listed for field in fields)


@schemathesis.check
def refusal_code_conformance(ctx, response, case):
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive:
        return None
    status = response.status_code
    if status < 400 or status >= 500 or status == 401:
        return None
    expected = ctx.config.positive_data_acceptance.expected_statuses or []
    if str(status) not in expected:
        return None  # positive_data_acceptance reports it
    label = case.operation.label
    rules = _ALLOWANCES.get(label, {}).get(str(status), [])
    try:
        error = json.loads(response.content)["error"]
        code = error["code"]
        fields = [detail.get("field", "") for detail in error.get("details") or []]
    except (ValueError, KeyError, TypeError):
        raise AssertionError(
            f"Schema-valid request refused with {status} without the common error body"
        ) from None
    if any(_allowed(rule, code, fields) for rule in rules):
        return None
    named = ", ".join(
        rule["code"] + (f" ({' '.join(rule['fields'])})" if rule["fields"] else "") for rule in rules
    )
    raise AssertionError(
        f"Schema-valid request refused with {status} {code}"
        + (f" (fields: {', '.join(fields)})" if fields else "")
        + f"\nAccepted for {label} {status}: {named or 'nothing'}"
        + "\n(a code the API document names for this status, or an entry of ACCEPTED_REFUSALS in"
        + " tools/fuzz/config.mjs)"
    )


@schemathesis.hook
def before_call(ctx, case, kwargs):
    for rule in _PROTECT.get(case.operation.label, []):
        parameters = case.path_parameters
        if not parameters or parameters.get(rule["parameter"]) not in rule["from"]:
            continue
        if rule.get("bodyField") and not (isinstance(case.body, dict) and rule["bodyField"] in case.body):
            continue
        parameters[rule["parameter"]] = rule["to"]
