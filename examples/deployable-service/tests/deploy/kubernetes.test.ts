import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseConfig } from "../../src/config.ts";
import { allowedHostsFromEnv } from "../../src/presentation/host-allow-list.ts";
import { buildTestApp } from "../http/test-app.ts";
import { exampleFileExists, getAsSentTo, readYaml } from "./deploy-files.ts";

type Probe = { httpGet?: { path?: string; port?: string | number; httpHeaders?: { name: string; value: string }[] } };
type Container = {
  name: string;
  image?: string;
  command?: string[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  startupProbe?: Probe;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  lifecycle?: { preStop?: { sleep?: { seconds?: number } } };
  securityContext?: { readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean };
};
type PodSpec = {
  terminationGracePeriodSeconds?: number;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  containers: Container[];
  restartPolicy?: string;
};
type Labels = Record<string, string>;

const deployment = readYaml("deploy/k8s/deployment.yaml") as {
  metadata: { name: string };
  spec: {
    replicas: number;
    selector: { matchLabels: Labels };
    strategy?: { rollingUpdate?: { maxUnavailable?: number | string } };
    template: { metadata: { labels: Labels }; spec: PodSpec };
  };
};
const configMap = readYaml("deploy/k8s/configmap.yaml") as { metadata: { name: string }; data: Record<string, string> };
const service = readYaml("deploy/k8s/service.yaml") as { spec: { selector: Labels } };
const hpa = readYaml("deploy/k8s/hpa.yaml") as {
  spec: { scaleTargetRef: { kind: string; name: string }; minReplicas: number; maxReplicas: number };
};
const pdb = readYaml("deploy/k8s/pdb.yaml") as { spec: { maxUnavailable?: number; selector: { matchLabels: Labels } } };
const job = readYaml("deploy/k8s/migration-job.yaml") as {
  spec: { backoffLimit?: number; template: { spec: PodSpec } };
};

const pod = deployment.spec.template.spec;
const app = pod.containers[0] as Container;
const podLabels = deployment.spec.template.metadata.labels;
const selects = (selector: Labels) => Object.entries(selector).every(([key, value]) => podLabels[key] === value);

describe("the Kubernetes manifests", () => {
  it("probe paths the app serves, with a Host header it accepts", async () => {
    const { app: http } = buildTestApp({ allowedHosts: allowedHostsFromEnv(configMap.data["ALLOWED_HOSTS"]) });
    for (const [kind, probe] of Object.entries({
      startupProbe: app.startupProbe,
      livenessProbe: app.livenessProbe,
      readinessProbe: app.readinessProbe,
    })) {
      const path = probe?.httpGet?.path;
      assert.ok(path !== undefined, `${kind} is an httpGet probe`);
      // The kubelet sends the pod's IP as Host unless the probe sets one.
      const host = probe?.httpGet?.httpHeaders?.find((header) => header.name.toLowerCase() === "host")?.value;
      assert.ok(host !== undefined, `${kind} sets a Host header the allow-list accepts`);
      assert.equal((await getAsSentTo(http, path, host)).status, 200, `${kind} GET ${path} with Host ${host}`);
    }
  });

  it("liveness asks /health/live, which checks no dependency; readiness asks /health/ready", () => {
    assert.equal(app.livenessProbe?.httpGet?.path, "/health/live");
    assert.equal(app.readinessProbe?.httpGet?.path, "/health/ready");
  });

  it("gives the pod a grace period that covers preStop + drain delay + shutdown timeout", () => {
    const config = parseConfig(configMap.data);
    const preStop = app.lifecycle?.preStop?.sleep?.seconds ?? 0;
    const needed = preStop + (config.DRAIN_DELAY_MS + config.SHUTDOWN_TIMEOUT_MS) / 1000;
    const grace = pod.terminationGracePeriodSeconds ?? 30;
    assert.ok(preStop > 0, "a preStop sleep lets endpoints and load balancers catch up before SIGTERM");
    assert.ok(grace >= needed, `terminationGracePeriodSeconds ${grace} < ${needed} (preStop + drain + shutdown)`);
  });

  it("runs every container as non-root with a read-only root filesystem", () => {
    for (const spec of [pod, job.spec.template.spec]) {
      assert.equal(spec.securityContext?.runAsNonRoot, true);
      for (const container of spec.containers) {
        assert.equal(container.securityContext?.readOnlyRootFilesystem, true, container.name);
        assert.equal(container.securityContext?.allowPrivilegeEscalation, false, container.name);
      }
    }
  });

  it("sets CPU and memory requests and limits on every container", () => {
    for (const container of [...pod.containers, ...job.spec.template.spec.containers]) {
      for (const kind of ["requests", "limits"] as const) {
        assert.ok(container.resources?.[kind]?.["cpu"], `${container.name} ${kind}.cpu`);
        assert.ok(container.resources?.[kind]?.["memory"], `${container.name} ${kind}.memory`);
      }
    }
  });

  it("keeps settings in a ConfigMap the app's schema accepts, and secrets out of it", () => {
    assert.doesNotThrow(() => parseConfig(configMap.data));
    for (const key of Object.keys(configMap.data)) assert.doesNotMatch(key, /URL|PASSWORD|SECRET|TOKEN|KEY/, key);
    for (const name of ["DATABASE_URL", "AMQP_URL", "REDIS_URL"]) {
      const variable = app.env?.find((entry) => entry.name === name);
      assert.ok(variable?.valueFrom?.secretKeyRef, `${name} comes from a Secret`);
    }
  });

  it("rolls out without dropping below the wanted pods, and the PDB, HPA and Service match the Deployment", () => {
    assert.equal(deployment.spec.strategy?.rollingUpdate?.maxUnavailable, 0);
    assert.ok(selects(deployment.spec.selector.matchLabels) && selects(service.spec.selector));
    assert.ok(selects(pdb.spec.selector.matchLabels), "the PDB selects the pods");
    assert.ok((pdb.spec.maxUnavailable ?? 0) < hpa.spec.minReplicas, "a drain never takes all pods");
    assert.deepEqual(hpa.spec.scaleTargetRef, {
      apiVersion: "apps/v1",
      kind: "Deployment",
      name: deployment.metadata.name,
    });
    assert.ok(hpa.spec.minReplicas >= 2 && hpa.spec.maxReplicas > hpa.spec.minReplicas);
  });

  it("runs migrations in a Job, once, from the same image as the service", () => {
    const migrate = job.spec.template.spec.containers[0];
    assert.equal(migrate?.image, app.image, "build once: the same artefact migrates and serves");
    assert.equal(migrate?.command?.[0], "node");
    assert.ok(exampleFileExists(migrate?.command?.[1] ?? ""), `${migrate?.command?.[1]} exists`);
    assert.equal(job.spec.template.spec.restartPolicy, "Never");
    assert.ok(job.spec.backoffLimit !== undefined, "a failing migration stops after a few tries");
  });
});
