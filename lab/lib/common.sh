# shellcheck shell=bash disable=SC2034
# Shared names of the fault lab, sourced by lab/up and lab/down. Everything the lab creates carries the prefix
# "ndlab"; its addresses (10.213.0.0/16, fd00:213::/48) exist only inside the lab's own network namespaces.
NDLAB_STATE=/run/ndlab             # daemons' files; lab/.state links here for builds
NDLAB_SRV_NS=ndlab-srv             # every server of the lab: resolver, web, TLS, proxy, responders
NDLAB_CLIENT_NS=ndlab-client       # the client: resolver = the lab's dnsmasq
NDLAB_DNSCLOSED_NS=ndlab-dnsclosed # a client whose resolver's port is closed
NDLAB_DNSDROP_NS=ndlab-dnsdrop     # a client whose resolver's packets are dropped
NDLAB_SLOW_NS=ndlab-slow           # a client behind a slow, lossy link
NDLAB_ALL_NS="$NDLAB_CLIENT_NS $NDLAB_DNSCLOSED_NS $NDLAB_DNSDROP_NS $NDLAB_SLOW_NS $NDLAB_SRV_NS"
NDLAB_PY=/usr/bin/python3
