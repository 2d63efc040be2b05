#!/usr/bin/env python3
"""Kubernetes JSON schemas for kubeconform, from the PyPI package kubernetes-validate.

The wheel ships the Kubernetes OpenAPI definitions converted to JSON Schema (one file per kind, per
Kubernetes version, "strict" variants with additionalProperties: false) whose $refs point into a shared
_definitions.json. kubeconform needs each file standalone, so this copies the $defs each schema reaches
into it (as draft-04 "definitions", the draft kubeconform compiles with) and rewrites the refs. Output layout matches kubeconform's
-schema-location '<out>/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json'.

usage: k8s-schemas.py <wheel> <out-dir> <k8s-version>...   (versions like 1.37.0)
"""
import json
import os
import sys
import zipfile

PREFIX = 'kubernetes_validate/kubernetes-json-schema/'
# refs from a kind's file into the shared file, and between definitions inside it
REF_FROM = ('/api/_definitions.json#/$defs/', '#/$defs/')
REF_TO = '#/definitions/'


def rewrite(node, found):
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            prefix = next((p for p in REF_FROM if isinstance(value, str) and value.startswith(p)), None)
            if key == '$ref' and prefix:
                name = value[len(prefix):]
                found.add(name)
                out[key] = REF_TO + name
            else:
                out[key] = rewrite(value, found)
        return out
    if isinstance(node, list):
        return [rewrite(item, found) for item in node]
    return node


def main():
    wheel, out_dir, versions = sys.argv[1], sys.argv[2], sys.argv[3:]
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for version in versions:
            for strict in ('', '-strict'):
                src = f'{PREFIX}v{version}-local{strict}/'
                if f'{src}_definitions.json' not in names:
                    sys.exit(f'kubernetes-validate has no schemas for Kubernetes {version}')
                dst = os.path.join(out_dir, f'v{version}-standalone{strict}')
                os.makedirs(dst, exist_ok=True)
                raw_defs = json.loads(archive.read(f'{src}_definitions.json'))['$defs']
                defs = {}
                def_refs = {}
                for name, schema in raw_defs.items():
                    refs = set()
                    defs[name] = rewrite(schema, refs)
                    def_refs[name] = refs
                for member in sorted(names):
                    if not member.startswith(src) or not member.endswith('.json') or member.endswith('_definitions.json'):
                        continue
                    refs = set()
                    schema = rewrite(json.loads(archive.read(member)), refs)
                    closure, todo = set(), list(refs)
                    while todo:
                        name = todo.pop()
                        if name in closure or name not in defs:
                            continue
                        closure.add(name)
                        todo.extend(def_refs[name])
                    if closure:
                        schema['definitions'] = {name: defs[name] for name in sorted(closure)}
                    with open(os.path.join(dst, member[len(src):]), 'w') as handle:
                        json.dump(schema, handle, separators=(',', ':'))
            print(f'schemas for Kubernetes {version} → {out_dir}')


if __name__ == '__main__':
    main()
