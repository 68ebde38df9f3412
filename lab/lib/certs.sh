#!/usr/bin/env bash
# Makes the lab's certificates with openssl into DIR:
#   ca.pem                  the lab root (the only thing a client trusts)
#   int.pem                 the lab intermediate, signed by the root
#   <name>.key / .crt       a server key and the chain nginx sends for that name
# Leaves are issued by the intermediate with `openssl ca` (OpenSSL 3's `x509 -req` has no date options).
# Also writes truststore.p12 (PKCS12, password "changeit") holding the lab root, when keytool is present.
set -euo pipefail
dir=$1
mkdir -p "$dir" && cd "$dir"
export OPENSSL_CONF=/dev/null   # ignore the system config: fixed, reproducible defaults

key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

cat > ca.cnf <<'EOF'
[ ca ]
default_ca = lab
[ lab ]
dir             = .
database        = $dir/$ENV::CA_NAME.index
new_certs_dir   = $dir/issued
serial          = $dir/$ENV::CA_NAME.serial
default_md      = sha256
policy          = anything
copy_extensions = copy
unique_subject  = no
email_in_dn     = no
[ anything ]
commonName = supplied
[ ca_ext ]
basicConstraints       = critical, CA:true
keyUsage               = critical, keyCertSign, cRLSign
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always
[ leaf_ext ]
basicConstraints       = critical, CA:false
keyUsage               = critical, digitalSignature, keyEncipherment
extendedKeyUsage       = serverAuth
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always
EOF
mkdir -p issued

# root: self-signed, 10 years
root() { # name cn
  key "$1.key"
  openssl req -x509 -new -key "$1.key" -subj "/O=netdoctor lab/CN=$2" -days 3650 -sha256 \
    -addext "basicConstraints=critical,CA:true" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -out "$1.pem" 2>/dev/null
  : > "$1.index"; echo 1000 > "$1.serial"
}
# sign CA_NAME CA_CERT CA_KEY CSR OUT EXT START END
sign() {
  CA_NAME=$1 openssl ca -batch -config ca.cnf -cert "$2" -keyfile "$3" -in "$4" -out "$5.tmp" -extensions "$6" \
    -startdate "$7" -enddate "$8" -notext >/dev/null 2>ca.log || { cat ca.log >&2; return 1; }
  openssl x509 -in "$5.tmp" -out "$5" && rm -f "$5.tmp"
}
utc() { date -u -d "$1" +%Y%m%d%H%M%SZ; }
NOW_MINUS_DAY=$(utc '-1 day'); IN_A_YEAR=$(utc '+365 days')

intermediate() { # name cn root
  key "$1.key"
  openssl req -new -key "$1.key" -subj "/O=netdoctor lab/CN=$2" -out "$1.csr" 2>/dev/null
  sign "$3" "$3.pem" "$3.key" "$1.csr" "$1.pem" ca_ext "$NOW_MINUS_DAY" "$(utc '+5 years')"
  : > "$1.index"; echo 2000 > "$1.serial"
}
# leaf name san-host ca start end chain-files...
leaf() {
  local name=$1 host=$2 ca=$3 start=$4 end=$5; shift 5
  key "$name.key"
  openssl req -new -key "$name.key" -subj "/CN=$host" -addext "subjectAltName=DNS:$host" -out "$name.csr" 2>/dev/null
  sign "$ca" "$ca.pem" "$ca.key" "$name.csr" "$name.leaf" leaf_ext "$start" "$end"
  cat "$name.leaf" "$@" > "$name.crt"
}

root ca "netdoctor lab root"
intermediate int "netdoctor lab intermediate" ca
root otherca "netdoctor lab untrusted root"
intermediate otherint "netdoctor lab untrusted intermediate" otherca

leaf good        good.ndlab.test        int "$NOW_MINUS_DAY"    "$IN_A_YEAR"       int.pem
leaf tls10       tls10.ndlab.test       int "$NOW_MINUS_DAY"    "$IN_A_YEAR"       int.pem
leaf expired     expired.ndlab.test     int "$(utc '-30 days')" "$(utc '-2 days')" int.pem
leaf notyet      notyet.ndlab.test      int "$(utc '+10 days')" "$IN_A_YEAR"       int.pem
leaf wronghost   other.ndlab.test       int "$NOW_MINUS_DAY"    "$IN_A_YEAR"       int.pem
leaf nochain     nochain.ndlab.test     int "$NOW_MINUS_DAY"    "$IN_A_YEAR"
# the untrusted chain is sent whole, root included: the client sees a complete chain it does not trust
leaf untrusted   untrusted.ndlab.test   otherint "$NOW_MINUS_DAY" "$IN_A_YEAR"     otherint.pem otherca.pem

key selfsigned.key
openssl req -x509 -new -key selfsigned.key -subj "/CN=selfsigned.ndlab.test" \
  -addext "subjectAltName=DNS:selfsigned.ndlab.test" -days 365 -sha256 -out selfsigned.crt 2>/dev/null

rm -f ./*.csr ./*.leaf ca.log
if command -v keytool >/dev/null; then
  rm -f truststore.p12
  keytool -importcert -noprompt -alias ndlab-root -file ca.pem -keystore truststore.p12 -storetype PKCS12 \
    -storepass changeit >/dev/null 2>&1
fi
