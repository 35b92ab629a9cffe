"""The Kubernetes manifests (deploy/kubernetes): valid against the Kubernetes API schemas that
kubernetes-validate bundles (strict: unknown fields are errors), and complete for production:
probes and resources on every container, secrets only by reference, an autoscaler for Rasa."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import kubernetes_validate
import pytest
import yaml

from core.settings import ROOT, Settings

DEPLOY = ROOT / "deploy" / "kubernetes"
# The oldest Kubernetes still in common support when these were written, and the newest bundled.
VERSIONS = ("1.30.0", kubernetes_validate.utils.latest_version())
SECRET_SETTINGS = {f.name.upper() for f in fields(Settings) if f.metadata.get("secret")}
# Read by the libraries underneath rather than by core/settings.py.
LIBRARY_VARIABLES = {"RASA_TELEMETRY_ENABLED", "TF_CPP_MIN_LOG_LEVEL", "SANIC_KEEP_ALIVE_TIMEOUT",
                     "SANIC_GRACEFUL_SHUTDOWN_TIMEOUT", "TMPDIR", "HOME"}


def manifest_files() -> list[Path]:
    return sorted(p for p in DEPLOY.glob("*.yaml") if p.name != "kustomization.yaml")


def resources() -> list[dict]:
    return [doc for path in manifest_files() for doc in yaml.safe_load_all(path.read_text()) if doc]


def of_kind(kind: str) -> list[dict]:
    return [r for r in resources() if r["kind"] == kind]


def containers() -> list[tuple[str, dict]]:
    return [(d["metadata"]["name"], c) for d in of_kind("Deployment") for c in d["spec"]["template"]["spec"]["containers"]]


@pytest.mark.parametrize("version", VERSIONS)
def test_every_resource_is_valid_against_the_kubernetes_schema(version):
    checked = 0
    for resource in resources():
        kubernetes_validate.validate(resource, version, strict=True)
        checked += 1
    assert checked >= 10


def test_the_kustomization_lists_every_manifest():
    listed = yaml.safe_load((DEPLOY / "kustomization.yaml").read_text())["resources"]
    assert sorted(listed) == [p.name for p in manifest_files()]


def test_the_three_services_are_deployed_and_reachable_by_name():
    deployments = {d["metadata"]["name"] for d in of_kind("Deployment")}
    services = {s["metadata"]["name"]: s for s in of_kind("Service")}
    assert deployments == {"rasa", "actions", "catalog"} == set(services)
    config = of_kind("ConfigMap")[0]["data"]
    assert config["CATALOG_URL"] == f"http://catalog:{services['catalog']['spec']['ports'][0]['port']}"
    assert config["ACTION_ENDPOINT_URL"].startswith(f"http://actions:{services['actions']['spec']['ports'][0]['port']}/")


@pytest.mark.parametrize("name,container", containers(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_container_has_probes_and_resources(name, container):
    ports = {p["name"] for p in container["ports"]}
    for probe in ("readinessProbe", "livenessProbe"):
        check = container[probe].get("httpGet") or container[probe]["tcpSocket"]
        assert check["port"] in ports, f"{name}: {probe}"
    for bound in ("requests", "limits"):
        assert {"cpu", "memory"} <= set(container["resources"][bound]), f"{name}: {bound}"


@pytest.mark.parametrize("name,container", containers(), ids=lambda v: v if isinstance(v, str) else "")
def test_secrets_are_only_referenced_and_every_variable_is_a_known_setting(name, container):
    known = {f.name.upper() for f in fields(Settings)} | LIBRARY_VARIABLES | {"REST_CHANNEL_TOKEN"}
    for variable in container.get("env", []):
        assert variable["name"] in known, f"{name}: {variable['name']} is not a setting"
        if variable["name"] in SECRET_SETTINGS | {"REST_CHANNEL_TOKEN", "CATALOG_DATABASE_URL", "REDIS_URL"}:
            assert "value" not in variable and "secretKeyRef" in variable["valueFrom"], variable["name"]
    config = of_kind("ConfigMap")[0]["data"]
    assert not SECRET_SETTINGS & set(config)
    assert set(config) <= known


def test_rasa_scales_on_cpu_and_keeps_one_pod_through_disruptions():
    [hpa] = of_kind("HorizontalPodAutoscaler")
    assert hpa["spec"]["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "Deployment", "name": "rasa"}
    assert 2 <= hpa["spec"]["minReplicas"] < hpa["spec"]["maxReplicas"]
    [pdb] = of_kind("PodDisruptionBudget")
    assert pdb["spec"]["selector"]["matchLabels"] == {"app.kubernetes.io/name": "rasa"}


def test_only_rasa_is_exposed():
    [ingress] = of_kind("Ingress")
    backends = {p["backend"]["service"]["name"] for rule in ingress["spec"]["rules"] for p in rule["http"]["paths"]}
    assert backends == {"rasa"}
    assert of_kind("Service")
    assert all(s["spec"].get("type", "ClusterIP") == "ClusterIP" for s in of_kind("Service"))


def test_network_policies_let_only_rasa_reach_the_actions_and_only_the_assistant_reach_the_catalog():
    policies = {p["spec"]["podSelector"]["matchLabels"]["app.kubernetes.io/name"]: p for p in of_kind("NetworkPolicy")}
    assert set(policies) == {"actions", "catalog"}

    def sources(name: str) -> set[str]:
        [rule] = policies[name]["spec"]["ingress"]
        return {peer["podSelector"]["matchLabels"]["app.kubernetes.io/name"] for peer in rule["from"]}

    assert sources("actions") == {"rasa"}
    assert sources("catalog") == {"actions", "rasa", "purge"}
    assert all(p["spec"]["policyTypes"] == ["Ingress"] for p in policies.values())


def test_the_purge_runs_daily_with_its_secrets_by_reference():
    [cronjob] = of_kind("CronJob")
    assert len(cronjob["spec"]["schedule"].split()) == 5 and cronjob["spec"]["schedule"].split()[2:] == ["*", "*", "*"]
    assert cronjob["spec"]["concurrencyPolicy"] == "Forbid"
    pod = cronjob["spec"]["jobTemplate"]["spec"]["template"]
    assert pod["metadata"]["labels"]["app.kubernetes.io/name"] == "purge"
    [container] = pod["spec"]["containers"]
    assert container["command"] == ["python", "-m", "ops", "purge"]
    variables = {v["name"]: v for v in container["env"]}
    assert set(variables) == {"TRACKER_DB_URL", "CATALOG_API_KEY"}
    assert all("secretKeyRef" in v["valueFrom"] for v in variables.values())


def test_every_deployment_is_restarted_by_its_liveness_probe():
    # A container that exits is restarted by the kubelet (restartPolicy Always, with its own
    # back-off); one that hangs is restarted when its liveness probe fails.
    for deployment in of_kind("Deployment"):
        assert deployment["spec"]["template"]["spec"].get("restartPolicy", "Always") == "Always"
        for container in deployment["spec"]["template"]["spec"]["containers"]:
            assert container["livenessProbe"]["failureThreshold"] >= 1


def test_the_action_server_takes_only_rasas_calls_with_the_shared_secret(tmp_path):
    # rasa_sdk checks nothing itself: the action pods run it through bot.action_server, and both
    # sides read the secret from the Secret, never optional.
    def secret_of(container: dict) -> dict:
        [variable] = [v for v in container["env"] if v["name"] == "ACTION_SERVER_TOKEN"]
        return variable["valueFrom"]["secretKeyRef"]

    by_name = dict(containers())
    assert by_name["actions"]["command"][:3] == ["python", "-m", "bot.action_server"]
    for name in ("actions", "rasa"):
        assert secret_of(by_name[name]) == {"name": "health-careers-guide", "key": "ACTION_SERVER_TOKEN"}, name
    # What the Rasa pods write with `python -m ops endpoints` sends it with every action call.
    config = of_kind("ConfigMap")[0]["data"]
    target = tmp_path / "endpoints.yml"
    subprocess.run([sys.executable, "-m", "ops", "endpoints", str(target)], cwd=ROOT, check=True, capture_output=True,
                   env={"PATH": "/usr/bin:/bin", **config, "VAR_DIR": str(tmp_path / "var"),
                        "ACTION_SERVER_TOKEN": "shared-secret"})
    endpoint = yaml.safe_load(target.read_text())["action_endpoint"]
    assert endpoint == {"url": config["ACTION_ENDPOINT_URL"], "headers": {"Authorization": "Bearer shared-secret"}}
