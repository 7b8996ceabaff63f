{{- define "healthmed.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "healthmed.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "healthmed.selectorLabels" -}}
app.kubernetes.io/name: {{ include "healthmed.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "healthmed.labels" -}}
{{ include "healthmed.selectorLabels" . }}
app.kubernetes.io/version: {{ include "healthmed.imageTag" . | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "healthmed.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "healthmed.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "healthmed.imageTag" -}}
{{- default .Chart.AppVersion .Values.image.tag -}}
{{- end -}}
