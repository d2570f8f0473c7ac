#!/usr/bin/env bash
# Regenerates the README's pictures from the simulated acp-virtualization network. Run from anywhere:
#   docs/pictures/regenerate.sh
# PicturesUpToDateTest runs every './vnetsim draw' line below and fails when a committed picture differs.
set -euo pipefail
cd "$(dirname "$0")/../.."
./vnetsim draw acp-virtualization -o docs/pictures/acp-virtualization.svg
./vnetsim draw acp-virtualization --node node0 -o docs/pictures/acp-node0.svg
./vnetsim draw acp-virtualization --trace vm1 vm3 -o docs/pictures/vm1-vm3.svg
./vnetsim draw acp-virtualization --trace vm1 vm6 -o docs/pictures/vm1-vm6.svg
./vnetsim draw acp-virtualization --trace vm1 vm4 --cold -o docs/pictures/vm1-vm4-cold.svg
./vnetsim draw acp-virtualization --trace vm1 vm6 --protocol arp -o docs/pictures/vm1-vm6-arp-dropped.svg
./vnetsim draw acp-virtualization --trace vm1 vm6 --format mermaid -o docs/pictures/vm1-vm6.mermaid.md
