#!/usr/bin/env bash
# Builds mediasoup's C++ worker against Debian's libraries, without any download.
#
# mediasoup's own build fetches its dependencies (libuv, OpenSSL, abseil, libsrtp, usrsctp, flatbuffers…) as
# meson wraps from GitHub, which this project's machines cannot reach. Here each wrap is replaced by a tiny
# meson subproject that exposes the Debian package under the variable names mediasoup's meson.build reads.
# Works for mediasoup 3.13.x up to 3.13.16 (3.13.18+ need mediasoup's libsrtp 3 fork, absent from Debian).
#
# Usage: build-worker.sh <mediasoup worker source dir> <output binary path>
# Needs: apt-get install meson ninja-build pkg-config g++ libssl-dev libuv1-dev libsrtp2-dev libusrsctp-dev
#        libabsl-dev libflatbuffers-dev flatbuffers-compiler
set -euo pipefail
source_dir=$1
output=$2

build_root=$(mktemp -d)
trap 'rm -rf "$build_root"' EXIT
cp -r "$source_dir" "$build_root/worker"
cd "$build_root/worker"

# Debian bookworm ships meson 1.0.1; mediasoup asks for 1.1 but builds fine with 1.0.
sed -i "s/meson_version: '>= 1.1.0'/meson_version: '>= 1.0.0'/" meson.build

# mediasoup 3.13's DTLS BIO callback tests `operationType == BIO_CB_RETURN` where it means a bit test. It then
# answers every BIO_ctrl query with 1, so against an OpenSSL built with kTLS (Debian's) BIO_get_ktls_send()
# reports kTLS on, OpenSSL allocates no DTLS write buffer, and the worker crashes (SIGSEGV in SSL_read) on the
# first real client's ClientHello. Fixed upstream in later releases; patched here.
grep -q '(operationType == BIO_CB_RETURN)' src/RTC/DtlsTransport.cpp
sed -i 's/(operationType == BIO_CB_RETURN)/(operationType \& BIO_CB_RETURN)/' src/RTC/DtlsTransport.cpp

rm -f subprojects/*.wrap
stub() { # stub <name> <meson body> [meson_options]
  mkdir -p "subprojects/$1"
  printf "project('%s', ['c', 'cpp'])\n%s\n" "$1" "$2" > "subprojects/$1/meson.build"
  printf '%s\n' "${3:-}" > "subprojects/$1/meson_options.txt"
  # link_whole needs a static library per name; an empty one adds nothing to the binary.
  echo 'void bonfire_mediasoup_stub(void) {}' > "subprojects/$1/stub.c"
}

stub openssl "
openssl_dep = declare_dependency(dependencies: [dependency('openssl'), dependency('libssl'), dependency('libcrypto')])
libcrypto_lib = static_library('crypto_stub', 'stub.c')
libssl_lib = static_library('ssl_stub', 'stub.c')"

stub libuv "
libuv_dep = dependency('libuv')
libuv = static_library('uv_stub', 'stub.c')" "option('build_tests', type: 'boolean', value: false)
option('build_benchmarks', type: 'boolean', value: false)"

stub libsrtp2 "
srtp = dependency('libsrtp2')
# Debian installs srtp.h under srtp2/, mediasoup includes <srtp.h>.
libsrtp2_dep = declare_dependency(dependencies: srtp,
  include_directories: include_directories(srtp.get_variable(pkgconfig: 'includedir') / 'srtp2'))
libsrtp2 = static_library('srtp2_stub', 'stub.c')" "option('crypto-library', type: 'string', value: 'openssl')
option('crypto-library-kdf', type: 'string', value: 'disabled')
option('tests', type: 'string', value: 'disabled')"

stub usrsctp "
usrsctp_dep = dependency('usrsctp')
usrsctp = static_library('usrsctp_stub', 'stub.c')" "option('sctp_build_programs', type: 'boolean', value: false)"

stub abseil-cpp "
absl_container_dep = declare_dependency(dependencies: [dependency('absl_flat_hash_map'), dependency('absl_flat_hash_set'),
  dependency('absl_raw_hash_set'), dependency('absl_hash')])
absl_strings_dep = dependency('absl_strings')
absl_types_dep = dependency('absl_optional')
absl_container_lib = static_library('absl_stub', 'stub.c')"

stub catch2 "
catch2_dep = declare_dependency()"

stub flatbuffers "
flatbuffers_dep = dependency('flatbuffers')
flatbuffers_lib = static_library('flatbuffers_stub', 'stub.c')"

meson setup build --buildtype=release -Dms_disable_liburing=true --wrap-mode=nodownload >/dev/null
# The generated flatbuffers headers are not declared as a dependency of the C++ targets: build them first.
ninja -C build fbs/FBS >/dev/null
ninja -C build mediasoup-worker
mkdir -p "$(dirname "$output")"
install -m 0755 build/mediasoup-worker "$output"
echo "built $output"
