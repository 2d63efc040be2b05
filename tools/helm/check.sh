#!/usr/bin/env bash
# Checks the Helm chart (helm/bonfire) and the compose file without a cluster or a Docker engine:
#   1. helm lint --strict            (default values and every helm/bonfire/ci/*.yaml)
#   2. helm template                 (same value sets) — also renders NOTES.txt
#   3. kubeconform -strict           on every rendered manifest, against the Kubernetes JSON schemas of
#                                    the chart's oldest supported version and the newest (from the PyPI
#                                    package kubernetes-validate) + tools/helm/crd-schemas for CRDs
#   4. promtool check rules / test rules   the PrometheusRule of ci/all-enabled-values.yaml, and the unit
#                                    tests of tools/helm/promtool/*.test.yaml against it
#   5. helm unittest                 helm/bonfire/tests/*_test.yaml (helm-unittest, as a Helm plugin)
#   6. vitest tools/helm             every metric the alert rules and the dashboard read is one the services
#                                    register (boots them, scrapes /metrics) + tsc of tools/helm
#   7. docker/validate-compose.mjs   static checks of docker/docker-compose.yml
# Tools are built once from the Go module proxy into ${BONFIRE_CACHE_DIR:-~/.cache/bonfire}/bin.
# Exit status: 0 when everything passed.
set -uo pipefail

HELM_VERSION=v3.22.0
HELM_K8S_MINOR=37                 # k8s.io/* minor that HELM_VERSION is built with (go.mod: k8s.io/client-go v0.37)
KUBECONFORM_VERSION=v0.7.0
KUBERNETES_VALIDATE_VERSION=1.37.0 # PyPI package shipping Kubernetes JSON schemas
K8S_VERSIONS=(1.27.0 1.37.0)      # Chart.yaml kubeVersion floor, and the newest the package has
PROMETHEUS_VERSION=v0.316.0       # Go module github.com/prometheus/prometheus (v0.3XX.Y is Prometheus 3.XX.Y): promtool
HELM_UNITTEST_VERSION=v1.1.2      # github.com/helm-unittest/helm-unittest (the helm unittest plugin)

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
chart="$root/helm/bonfire"
cache="${BONFIRE_CACHE_DIR:-$HOME/.cache/bonfire}"
cache="${cache/#\~/$HOME}"
case "$cache" in /*) ;; *) cache="$root/$cache" ;; esac
bin="$cache/bin"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$bin"

results=()
failed=0
step() { echo; echo "▸ $*"; }
record() { # record <status> <label>
  if [ "$1" -eq 0 ]; then results+=("PASS  $2"); else results+=("FAIL  $2"); failed=1; fi
}

# ------------------------------------------------------------------ tools
stamp_ok() { [ -x "$bin/$1" ] && [ "$(cat "$bin/.$1.version" 2>/dev/null)" = "$2" ]; }

if ! stamp_ok helm "$HELM_VERSION"; then
  step "installing helm $HELM_VERSION (go install; a few minutes the first time)"
  t0=$SECONDS
  # A plain `go install` leaves helm's built-in Kubernetes version at its v1.20 fallback (set by ldflags
  # in helm's Makefile), which breaks kubeVersion checks and lint's deprecation rules: set it here.
  ldflags="-s -w -X helm.sh/helm/v3/internal/version.version=$HELM_VERSION"
  for pkg in helm.sh/helm/v3/pkg/chartutil helm.sh/helm/v3/pkg/lint/rules; do
    ldflags+=" -X $pkg.k8sVersionMajor=1 -X $pkg.k8sVersionMinor=$HELM_K8S_MINOR"
  done
  if (cd "$work" && GOBIN="$bin" go install -trimpath -ldflags "$ldflags" "helm.sh/helm/v3/cmd/helm@$HELM_VERSION"); then
    echo "$HELM_VERSION" > "$bin/.helm.version"
    echo "  helm built in $((SECONDS - t0)) s"
  else
    echo "✗ could not install helm" >&2; exit 2
  fi
fi
if ! stamp_ok kubeconform "$KUBECONFORM_VERSION"; then
  step "installing kubeconform $KUBECONFORM_VERSION (go install)"
  t0=$SECONDS
  if (cd "$work" && GOBIN="$bin" go install "github.com/yannh/kubeconform/cmd/kubeconform@$KUBECONFORM_VERSION"); then
    echo "$KUBECONFORM_VERSION" > "$bin/.kubeconform.version"
    echo "  kubeconform built in $((SECONDS - t0)) s"
  else
    echo "✗ could not install kubeconform" >&2; exit 2
  fi
fi
if ! stamp_ok promtool "$PROMETHEUS_VERSION"; then
  step "installing promtool $PROMETHEUS_VERSION (go install; several minutes the first time)"
  t0=$SECONDS
  # remove_all_sd leaves out the service-discovery plugins (cloud SDKs) that rule checks never use.
  if (cd "$work" && GOBIN="$bin" go install -trimpath -tags remove_all_sd \
    -ldflags "-s -w -X github.com/prometheus/common/version.Version=$PROMETHEUS_VERSION" \
    "github.com/prometheus/prometheus/cmd/promtool@$PROMETHEUS_VERSION"); then
    echo "$PROMETHEUS_VERSION" > "$bin/.promtool.version"
    echo "  promtool built in $((SECONDS - t0)) s"
  else
    echo "✗ could not install promtool" >&2; exit 2
  fi
fi
if ! stamp_ok helm-unittest "$HELM_UNITTEST_VERSION"; then
  step "installing helm-unittest $HELM_UNITTEST_VERSION (go build; a few minutes the first time)"
  t0=$SECONDS
  # Its go.mod has a replace directive, which `go install pkg@version` refuses: download the module from
  # the Go module proxy and build it as the main module instead.
  src="$(cd "$work" && go mod download -json "github.com/helm-unittest/helm-unittest@$HELM_UNITTEST_VERSION" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["Dir"])')"
  if [ -n "$src" ] && (cd "$src" && go build -trimpath -ldflags "-s -w" -o "$bin/helm-unittest" ./cmd/helm-unittest); then
    echo "$HELM_UNITTEST_VERSION" > "$bin/.helm-unittest.version"
    echo "  helm-unittest built in $((SECONDS - t0)) s"
  else
    echo "✗ could not build helm-unittest" >&2; exit 2
  fi
fi
helm="$bin/helm"
kubeconform="$bin/kubeconform"
promtool="$bin/promtool"
# helm-unittest is a Helm plugin: a plugin folder whose plugin.yaml runs the binary built above.
plugins="$cache/helm-plugins"
mkdir -p "$plugins/unittest"
cat > "$plugins/unittest/plugin.yaml" <<PLUGIN
name: unittest
version: ${HELM_UNITTEST_VERSION#v}
usage: unittest for helm charts
description: helm-unittest $HELM_UNITTEST_VERSION, built from the Go module proxy by tools/helm/check.sh
ignoreFlags: false
platformCommand:
  - command: $bin/helm-unittest
PLUGIN

# ------------------------------------------------------------------ Kubernetes schemas
schemas="$cache/kubernetes-json-schema/kubernetes-validate-$KUBERNETES_VALIDATE_VERSION"
missing_versions=()
for v in "${K8S_VERSIONS[@]}"; do
  [ -f "$schemas/v$v-standalone-strict/deployment-apps-v1.json" ] || missing_versions+=("$v")
done
if [ "${#missing_versions[@]}" -gt 0 ]; then
  step "Kubernetes JSON schemas ${missing_versions[*]} from PyPI kubernetes-validate==$KUBERNETES_VALIDATE_VERSION"
  wheel_dir="$cache/kubernetes-json-schema/wheels"
  mkdir -p "$wheel_dir"
  wheel="$wheel_dir/kubernetes_validate-$KUBERNETES_VALIDATE_VERSION-py3-none-any.whl"
  if [ ! -f "$wheel" ]; then
    python3 -m pip download --quiet --no-deps "kubernetes-validate==$KUBERNETES_VALIDATE_VERSION" -d "$wheel_dir" \
      || { echo "✗ could not download kubernetes-validate from PyPI" >&2; exit 2; }
  fi
  python3 "$root/tools/helm/k8s-schemas.py" "$wheel" "$schemas" "${missing_versions[@]}" \
    || { echo "✗ could not extract schemas" >&2; exit 2; }
fi

# ------------------------------------------------------------------ chart
value_sets=("defaults")
for f in "$chart"/ci/*.yaml; do [ -f "$f" ] && value_sets+=("$f"); done
values_args() { [ "$1" = defaults ] || printf -- '-f\n%s\n' "$1"; }
label_of() { [ "$1" = defaults ] && echo "default values" || echo "ci/$(basename "$1")"; }

# NOTES.txt is not rendered by `helm template`: render it through a copy of the chart where it is a
# template that emits one YAML document.
notes_chart="$work/notes/bonfire"
mkdir -p "$(dirname "$notes_chart")" && cp -r "$chart" "$notes_chart"
{ echo '{{- define "bonfire.notesCheck" }}'; cat "$chart/templates/NOTES.txt"; echo '{{- end }}';
  echo 'notes: |'; echo '{{ include "bonfire.notesCheck" . | indent 2 }}'; } > "$notes_chart/templates/zz-notes-check.yaml"
rm "$notes_chart/templates/NOTES.txt"

kubeconform_args=(-strict -summary -output text
  -schema-location "$schemas"
  -schema-location "$root/tools/helm/crd-schemas/{{ .ResourceKind }}{{ .KindSuffix }}.json")

for set in "${value_sets[@]}"; do
  label="$(label_of "$set")"
  mapfile -t vargs < <(values_args "$set")
  step "helm lint --strict ($label)"
  "$helm" lint --strict "$chart" "${vargs[@]}"
  record $? "helm lint --strict — $label"

  step "helm template ($label)"
  out="$work/$(echo "$label" | tr '/ ' '__').yaml"
  "$helm" template bonfire "$chart" --namespace bonfire "${vargs[@]}" > "$out"
  status=$?
  if [ $status -eq 0 ]; then
    echo "  $(grep -c '^kind:' "$out") resources: $(grep '^kind:' "$out" | sort | uniq -c | awk '{printf "%s %s, ", $1, $3}' | sed 's/, $//')"
  fi
  record $status "helm template — $label"

  "$helm" template bonfire "$notes_chart" --namespace bonfire "${vargs[@]}" \
    --show-only templates/zz-notes-check.yaml > "$work/notes.out" 2>&1
  record $? "NOTES.txt renders — $label"

  for v in "${K8S_VERSIONS[@]}"; do
    step "kubeconform -strict, Kubernetes $v ($label)"
    [ $status -eq 0 ] && "$kubeconform" "${kubeconform_args[@]}" -kubernetes-version "$v" "$out"
    record $? "kubeconform -strict k8s $v — $label"
  done
done

# The schema must reject bad values, and the cross-field checks must fire.
step "values.schema.json and template checks reject bad values"
neg=0
expect_fail() { # expect_fail <description> <helm template args…>
  local what="$1"; shift
  if "$helm" template bonfire "$chart" "$@" >/dev/null 2>&1; then echo "  ✗ accepted: $what"; neg=1; else echo "  ✓ rejected: $what"; fi
}
expect_fail "unknown top-level key" --set typoKey=1
expect_fail "log level 'loud'" --set config.logLevel=loud
expect_fail "redis URL without redis://" --set redis.url=http://redis:6379
expect_fail "short internal identity secret" --set secrets.internalIdentitySecret=short
expect_fail "unknown secretEnv key" --set 'services.gateway.secretEnv={NOPE}'
expect_fail "voice port range reversed" --set services.voice.enabled=true --set voice.rtcMinPort=45000 --set voice.rtcMaxPort=44000
expect_fail "voice signaling on the internal port" --set services.voice.enabled=true --set voice.signalingPort=8086
expect_fail "voice signaling inside the RTC range" --set services.voice.enabled=true --set voice.signalingPort=40001
expect_fail "grace period ≤ drain time" --set services.gateway.terminationGracePeriodSeconds=10
expect_fail "unknown monitoring key" --set monitoring.prometheusRule.typo=1
expect_fail "error-ratio threshold above 1" --set monitoring.prometheusRule.thresholds.errorRatio=5
expect_fail "latency override for a bad name" --set 'monitoring.prometheusRule.thresholds.latencyP95SecondsByService.Bad_Name=1'
expect_fail "dashboard namespace not a DNS label" --set monitoring.grafanaDashboard.namespace=Not_A_Namespace
record $neg "bad values are rejected"

if command -v node >/dev/null && [ "$(node -p 'process.versions.node.split(".")[0]')" -ge 24 ] 2>/dev/null; then :; else
  # shellcheck disable=SC1091
  source "$root/tools/node/use-node24.sh"
fi

# ------------------------------------------------------------------ monitoring
# The alert rules as ci/all-enabled-values.yaml renders them (every service on, release "bonfire" in
# namespace "bonfire": the unit tests' series are labelled for that).
all_enabled="$work/$(echo "$(label_of "$chart/ci/all-enabled-values.yaml")" | tr '/ ' '__').yaml"
rules_dir="$work/promtool"
mkdir -p "$rules_dir"
step "promtool check rules (PrometheusRule of ci/all-enabled-values.yaml)"
if node "$root/tools/helm/monitoring-objects.mjs" rules "$all_enabled" "$rules_dir/rules.yaml"; then
  "$promtool" check rules "$rules_dir/rules.yaml"
  record $? "promtool check rules — PrometheusRule"
  step "promtool test rules (tools/helm/promtool)"
  cp "$root"/tools/helm/promtool/*.test.yaml "$rules_dir/"
  (cd "$rules_dir" && "$promtool" test rules ./*.test.yaml)
  record $? "promtool test rules — tools/helm/promtool"
else
  record 1 "promtool check rules — PrometheusRule (not rendered)"
fi

# ------------------------------------------------------------------ chart unit tests
step "helm unittest (helm/bonfire/tests)"
HELM_PLUGINS="$plugins" "$helm" unittest "$chart"
record $? "helm unittest — helm/bonfire/tests"

step "monitoring names: alert rules and dashboard read registered metrics (vitest, boots every service)"
(cd "$root" && npx tsc -p tools/helm/tsconfig.json)
record $? "tsc — tools/helm"
(cd "$root" && BONFIRE_HELM="$helm" npx vitest run --config tools/helm/vitest.config.mts)
record $? "alert rules and dashboard read registered metrics — tools/helm/monitoring.spec.ts"

# ------------------------------------------------------------------ compose
step "docker/docker-compose.yml static checks"
node "$root/docker/validate-compose.mjs"
record $? "docker-compose.yml static checks"

# ------------------------------------------------------------------ summary
echo
echo "──────── helm/compose check summary (helm $HELM_VERSION, kubeconform $KUBECONFORM_VERSION, k8s schemas ${K8S_VERSIONS[*]},"
echo "         promtool $PROMETHEUS_VERSION, helm-unittest $HELM_UNITTEST_VERSION)"
printf '%s\n' "${results[@]}"
echo "Not validated here: CRD schemas beyond the hand-written ServiceMonitor/PrometheusRule subsets; server-side"
echo "admission (no cluster); the images and the running compose stack are checked by tools/docker/ci.sh (next CI stage)."
if [ $failed -ne 0 ]; then echo "✗ FAILED"; exit 1; fi
echo "✓ all checks passed"
