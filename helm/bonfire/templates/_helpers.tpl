{{/* ---------------------------------------------------------------- names and labels */}}

{{- define "bonfire.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "bonfire.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "bonfire.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "bonfire.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: bonfire
{{- end -}}

{{/*
A service's context: dict "root" $ "name" "<service>" "svc" <merged service values>.
Built by "bonfire.services", which every per-service template ranges over.
*/}}

{{- define "bonfire.svc.fullname" -}}
{{- printf "%s-%s" (include "bonfire.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "bonfire.svc.selectorLabels" -}}
app.kubernetes.io/name: {{ include "bonfire.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{- define "bonfire.svc.labels" -}}
{{ include "bonfire.labels" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{/*
The enabled services with serviceDefaults merged under each, as a YAML map name → values.
Use: {{- range $name, $svc := (include "bonfire.services" . | fromYaml) }}
*/}}
{{- define "bonfire.services" -}}
{{- $out := dict -}}
{{- range $name, $values := .Values.services -}}
{{- if and $values $values.enabled -}}
{{- $merged := mergeOverwrite (deepCopy $.Values.serviceDefaults) (deepCopy $values) -}}
{{- $_ := set $out $name $merged -}}
{{- end -}}
{{- end -}}
{{- toYaml $out -}}
{{- end -}}

{{/* Replicas the service runs at least (autoscaling floor or fixed count). */}}
{{- define "bonfire.svc.minReplicas" -}}
{{- if .svc.autoscaling.enabled -}}{{ .svc.autoscaling.minReplicas }}{{- else -}}{{ .svc.replicas }}{{- end -}}
{{- end -}}

{{- define "bonfire.svc.image" -}}
{{- $img := .root.Values.image -}}
{{- $own := .svc.image | default dict -}}
{{- $repo := printf "%s/%s" $img.repository .name -}}
{{- if $own.repository -}}{{- $repo = $own.repository -}}{{- end -}}
{{- $registry := $own.registry | default $img.registry -}}
{{- $tag := $own.tag | default $img.tag | default .root.Chart.AppVersion -}}
{{- if $registry -}}{{ printf "%s/%s:%s" $registry $repo $tag }}{{- else -}}{{ printf "%s:%s" $repo $tag }}{{- end -}}
{{- end -}}

{{- define "bonfire.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "bonfire.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* ---------------------------------------------------------------- configuration */}}

{{- define "bonfire.configMapName" -}}{{ include "bonfire.fullname" . }}-config{{- end -}}

{{- define "bonfire.secretName" -}}
{{- .Values.secrets.existingSecret | default (printf "%s-secrets" (include "bonfire.fullname" .)) -}}
{{- end -}}

{{/* Shared non-secret settings (ConfigMap data; also inlined into migration Jobs). */}}
{{- define "bonfire.sharedConfig" -}}
NODE_ENV: production
LOG_LEVEL: {{ .Values.config.logLevel | quote }}
SHUTDOWN_TIMEOUT_MS: {{ .Values.config.shutdownTimeoutMs | quote }}
KAFKA_BROKERS: {{ join "," .Values.kafka.brokers | quote }}
ELASTICSEARCH_URL: {{ .Values.elasticsearch.url | quote }}
S3_ENDPOINT: {{ .Values.s3.endpoint | quote }}
S3_REGION: {{ .Values.s3.region | quote }}
S3_BUCKET: {{ .Values.s3.bucket | quote }}
{{- range $name, $svc := (include "bonfire.services" . | fromYaml) }}
{{ upper $name }}_URL: {{ printf "http://%s.%s.svc:%v" (include "bonfire.svc.fullname" (dict "root" $ "name" $name)) $.Release.Namespace $svc.port | quote }}
{{- end }}
{{- range $key, $value := .Values.config.extraEnv }}
{{ $key }}: {{ $value | toString | quote }}
{{- end }}
{{- end -}}

{{/*
Secret data (plain text) the chart creates when no existingSecret is given. Generated internal
secrets survive upgrades: the value already in the cluster is reused.
*/}}
{{- define "bonfire.secretData" -}}
{{- $existing := (lookup "v1" "Secret" .Release.Namespace (include "bonfire.secretName" .)) | default dict -}}
{{- $old := $existing.data | default dict -}}
{{- $identity := .Values.secrets.internalIdentitySecret | default (get $old "INTERNAL_IDENTITY_SECRET" | b64dec) | default (randAlphaNum 48) -}}
{{- $keyEnc := .Values.secrets.authKeyEncryptionSecret | default (get $old "AUTH_KEY_ENCRYPTION_SECRET" | b64dec) | default (randAlphaNum 48) -}}
INTERNAL_IDENTITY_SECRET: {{ $identity | quote }}
AUTH_KEY_ENCRYPTION_SECRET: {{ $keyEnc | quote }}
AUTH_DATABASE_URL: {{ .Values.postgres.databaseUrls.auth | quote }}
CHAT_DATABASE_URL: {{ .Values.postgres.databaseUrls.chat | quote }}
FILE_DATABASE_URL: {{ .Values.postgres.databaseUrls.file | quote }}
REDIS_URL: {{ .Values.redis.url | quote }}
S3_ACCESS_KEY_ID: {{ .Values.s3.accessKeyId | quote }}
S3_SECRET_ACCESS_KEY: {{ .Values.s3.secretAccessKey | quote }}
{{- $voiceToken := .Values.secrets.voiceTokenSecret | default (get $old "VOICE_TOKEN_SECRET" | b64dec) | default (randAlphaNum 48) }}
VOICE_TOKEN_SECRET: {{ $voiceToken | quote }}
{{- with .Values.mail.smtpUrl }}
SMTP_URL: {{ . | quote }}
{{- end }}
{{- end -}}

{{/* Env entries every container of a service gets: its own listen address/port, pod identity, secrets. */}}
{{- define "bonfire.svc.env" -}}
- name: {{ upper .name }}_HOST
  value: "0.0.0.0"
- name: {{ upper .name }}_PORT
  value: {{ .svc.port | quote }}
- name: POD_NAME
  valueFrom: { fieldRef: { fieldPath: metadata.name } }
- name: POD_NAMESPACE
  valueFrom: { fieldRef: { fieldPath: metadata.namespace } }
- name: POD_IP
  valueFrom: { fieldRef: { fieldPath: status.podIP } }
{{- $secretName := include "bonfire.secretName" .root }}
{{- range .svc.secretEnv }}
- name: {{ . }}
  valueFrom: { secretKeyRef: { name: {{ $secretName }}, key: {{ . }} } }
{{- end }}
{{- if eq .name "gateway" }}
{{- with .root.Values.gateway }}
- name: TRUST_PROXY_HOPS
  value: {{ .trustProxyHops | quote }}
- name: GATEWAY_INTERNAL_HOST
  value: "0.0.0.0"
- name: GATEWAY_INTERNAL_PORT
  value: {{ .internalPort | quote }}
{{- end }}
{{- end }}
{{- if eq .name "auth" }}
{{- with .root.Values.mail }}
# optional: without SMTP_URL in the Secret, auth keeps mails as files in MAIL_FOLDER (and warns at boot)
- name: SMTP_URL
  valueFrom: { secretKeyRef: { name: {{ $secretName }}, key: SMTP_URL, optional: true } }
- name: MAIL_FOLDER
  value: "/tmp/bonfire-mail"
- name: MAIL_FROM
  value: {{ .from | quote }}
- name: AUTH_WEB_URL
  value: {{ .webUrl | quote }}
{{- end }}
{{- end }}
{{- if eq .name "voice" }}
{{- with .root.Values.voice }}
# the public listener (signaling only); VOICE_PORT above is internal (REST, health, /metrics)
- name: VOICE_SIGNALING_PORT
  value: {{ .signalingPort | quote }}
- name: VOICE_RTC_LISTEN_IP
  value: "0.0.0.0"
- name: VOICE_RTC_MIN_PORT
  value: {{ .rtcMinPort | quote }}
- name: VOICE_RTC_MAX_PORT
  value: {{ .rtcMaxPort | quote }}
- name: VOICE_RTC_UDP
  value: {{ .rtcUdp | quote }}
- name: VOICE_RTC_TCP
  value: {{ .rtcTcp | quote }}
- name: VOICE_NODE_ID
  valueFrom: { fieldRef: { fieldPath: metadata.name } }
{{- if .announcedIp }}
- name: VOICE_RTC_ANNOUNCED_IP
  value: {{ .announcedIp | quote }}
{{- else }}
- name: VOICE_RTC_ANNOUNCED_IP
  valueFrom: { fieldRef: { fieldPath: status.hostIP } }
{{- end }}
{{- if .publicUrl }}
- name: VOICE_PUBLIC_URL
  value: {{ .publicUrl | quote }}
{{- else }}
# each pod is reached on its node's address (hostNetwork); behind TLS set voice.publicUrl per node pool
- name: VOICE_PUBLIC_URL
  value: "http://$(VOICE_RTC_ANNOUNCED_IP):{{ .signalingPort }}"
{{- end }}
{{- end }}
{{- end }}
{{- range $key, $value := .svc.env }}
- name: {{ $key }}
  value: {{ $value | toString | quote }}
{{- end }}
{{- end -}}

{{/* ---------------------------------------------------------------- pod pieces */}}

{{- define "bonfire.terminationGracePeriodSeconds" -}}
{{- $shutdown := div (add (int .root.Values.config.shutdownTimeoutMs) 999) 1000 -}}
{{- $derived := add (int .svc.preStopSleepSeconds) $shutdown 10 -}}
{{- if .svc.terminationGracePeriodSeconds -}}
{{- if le (int .svc.terminationGracePeriodSeconds) (add (int .svc.preStopSleepSeconds) $shutdown) -}}
{{- fail (printf "services.%s.terminationGracePeriodSeconds (%v) must exceed preStopSleepSeconds + shutdownTimeoutMs/1000 (%v)" .name .svc.terminationGracePeriodSeconds (add (int .svc.preStopSleepSeconds) $shutdown)) -}}
{{- end -}}
{{- .svc.terminationGracePeriodSeconds -}}
{{- else -}}
{{- $derived -}}
{{- end -}}
{{- end -}}

{{/* Pod-level security and identity. Hook Jobs pass "hook" true: they run before the chart's
ServiceAccount exists, so they use the namespace's default one (no token mounted either way). */}}
{{- define "bonfire.podSecurity" -}}
{{- if not .hook }}
serviceAccountName: {{ include "bonfire.serviceAccountName" .root }}
{{- end }}
automountServiceAccountToken: false
securityContext:
  {{- toYaml .root.Values.podSecurityContext | nindent 2 }}
{{- with .root.Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{- define "bonfire.tmpVolume" -}}
- name: tmp
  emptyDir: { sizeLimit: 256Mi }
{{- end -}}

{{- define "bonfire.tmpMount" -}}
- name: tmp
  mountPath: /tmp
{{- end -}}

{{- define "bonfire.svc.probe" -}}
httpGet:
  path: {{ .path }}
  port: http
{{- toYaml .settings | nindent 0 }}
{{- end -}}

{{/* Cross-field checks the JSON schema cannot express; included once (configmap.yaml). */}}
{{- define "bonfire.validate" -}}
{{- if gt (int .Values.voice.rtcMinPort) (int .Values.voice.rtcMaxPort) -}}
{{- fail "voice.rtcMinPort must not exceed voice.rtcMaxPort" -}}
{{- end -}}
{{- $signaling := int .Values.voice.signalingPort -}}
{{- if eq $signaling (int (dig "voice" "port" 0 .Values.services)) -}}
{{- fail "voice.signalingPort must differ from services.voice.port (the internal REST and /metrics port)" -}}
{{- end -}}
{{- if and (ge $signaling (int .Values.voice.rtcMinPort)) (le $signaling (int .Values.voice.rtcMaxPort)) -}}
{{- fail "voice.signalingPort must be outside voice.rtcMinPort-rtcMaxPort" -}}
{{- end -}}
{{- range $name, $svc := (include "bonfire.services" . | fromYaml) -}}
{{- if and $svc.migrations (not $.Values.secrets.existingSecret) (not (get $.Values.postgres.databaseUrls $name)) -}}
{{- fail (printf "services.%s has migrations: true but postgres.databaseUrls.%s is not set" $name $name) -}}
{{- end -}}
{{- if and $svc.autoscaling.enabled (gt (int $svc.autoscaling.minReplicas) (int $svc.autoscaling.maxReplicas)) -}}
{{- fail (printf "services.%s.autoscaling.minReplicas exceeds maxReplicas" $name) -}}
{{- end -}}
{{- end -}}
{{- end -}}
