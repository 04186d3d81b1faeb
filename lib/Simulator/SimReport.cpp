//===- SimReport.cpp - what a simulated run did, per kernel and link ------===//

#include "wafer/Simulator/SimReport.h"

#include "wafer/Binary/Ports.h"
#include "wafer/Support/JsonText.h"

#include <algorithm>
#include <map>
#include <sstream>

namespace wafer::sim {
namespace {

/// The ONNX node a kernel comes from: its first host op's location, or its
/// name when no host op has one.
std::string onnxNodeOf(const wfb::BinaryFile &binary, int kernel) {
  const wfb::Kernel &k = binary.manifest().kernels(kernel);
  const wfb::HostProgram &host = binary.hostProgram();
  for (int32_t op : k.host_ops())
    if (op >= 0 && op < host.ops_size() && !host.ops(op).location().empty())
      return host.ops(op).location();
  return k.name();
}

std::string ratioText(const ActivityRow &row) {
  if (row.predictedCycles <= 0 || row.simulatedCycles <= 0)
    return "-";
  char text[32];
  std::snprintf(text, sizeof text, "%.2f",
                double(row.simulatedCycles) / double(row.predictedCycles));
  return text;
}

/// Stalled PE-cycles as a share of the row's PE-cycles over its span.
double stallShare(const ActivityRow &row) {
  const double peCycles = double(row.pes) * double(row.simulatedCycles);
  return peCycles > 0
             ? double(row.sendStallCycles + row.recvStallCycles) / peCycles
             : 0;
}

/// The links' mean utilization (0 without links).
double meanUtilization(const SimReport &report) {
  double sum = 0;
  for (const LinkLoadRow &l : report.links)
    sum += l.utilization;
  return report.links.empty() ? 0.0 : sum / double(report.links.size());
}

} // namespace

SimReport buildReport(const wfb::BinaryFile &binary,
                      std::vector<SlotRun> slots) {
  SimReport report;
  const wfb::Manifest &manifest = binary.manifest();
  report.target = manifest.target().name();
  report.clockHz = double(manifest.target().clock_khz()) * 1e3;
  report.width = manifest.target().width();
  report.height = manifest.target().height();
  const wfb::PeDesign *design = binary.peDesign();

  // Rows: one per kernel with programs (manifest order), then one per
  // program of no kernel (design order).
  std::map<int, size_t> kernelRow;
  std::vector<ActivityRow> loose;
  int64_t offset = 0;
  for (const SlotRun &run : slots) {
    for (const ProgramActivity &a : run.result.programs) {
      const wfb::PeProgram &program = design->programs(a.program);
      report.rectangles.push_back(
          {program.x(), program.y(), program.width(), program.height()});
      ActivityRow *row = nullptr;
      if (program.has_kernel()) {
        auto [it, added] =
            kernelRow.emplace(program.kernel(), report.rows.size());
        if (added) {
          const wfb::Kernel &k = manifest.kernels(program.kernel());
          ActivityRow r;
          r.kernel = program.kernel();
          r.name = k.name();
          r.onnxNode = onnxNodeOf(binary, program.kernel());
          r.scheme = k.scheme();
          r.predictedCycles = k.cycles();
          report.rows.push_back(std::move(r));
        }
        row = &report.rows[it->second];
      } else {
        loose.emplace_back();
        row = &loose.back();
        row->name = program.name();
      }
      row->slot = run.slot;
      row->programs.push_back(program.name());
      row->pes += a.pes;
      row->computeCycles += a.computeCycles;
      row->sendStallCycles += a.sendStallCycles;
      row->recvStallCycles += a.recvStallCycles;
      if (a.lastCycle) {
        const int64_t start = offset + a.firstCycle, end = offset + a.lastCycle;
        row->startCycle = row->endCycle ? std::min(row->startCycle, start)
                                        : start;
        row->endCycle = std::max(row->endCycle, end);
        row->simulatedCycles = row->endCycle - row->startCycle + 1;
      }
    }
    for (const LinkActivity &l : run.result.links)
      report.links.push_back(
          {run.slot, l.x, l.y, l.port, l.wavelets,
           run.result.cycles > 0 ? double(l.wavelets) / run.result.cycles
                                 : 0});
    offset += run.result.cycles;
  }
  std::sort(report.rows.begin(), report.rows.end(),
            [](const ActivityRow &a, const ActivityRow &b) {
              return a.kernel < b.kernel;
            });
  for (ActivityRow &row : loose)
    report.rows.push_back(std::move(row));
  std::stable_sort(report.links.begin(), report.links.end(),
                   [](const LinkLoadRow &a, const LinkLoadRow &b) {
                     return a.wavelets > b.wavelets;
                   });
  report.cycles = offset;
  report.slots = std::move(slots);
  return report;
}

void printReport(const SimReport &report, std::FILE *out) {
  size_t width = 20;
  for (const ActivityRow &r : report.rows)
    width = std::max(width, std::min<size_t>(r.onnxNode.empty()
                                                 ? r.name.size() + 2
                                                 : r.onnxNode.size(),
                                             48));
  std::fprintf(out,
               "per-kernel cycles: simulated (first to last cycle a PE of "
               "the kernel ran a task) beside the cost model's prediction\n");
  std::fprintf(out, "  %4s  %-*s  %-10s  %4s  %10s  %10s  %6s  %7s  %7s\n",
               "#", int(width), "kernel (ONNX node)", "scheme", "slot",
               "predicted", "simulated", "ratio", "compute", "stalled");
  for (const ActivityRow &r : report.rows) {
    const double peCycles = double(r.pes) * double(r.simulatedCycles);
    char compute[16] = "-", stalled[16] = "-";
    if (peCycles > 0) {
      std::snprintf(compute, sizeof compute, "%.0f%%",
                    100.0 * double(r.computeCycles) / peCycles);
      std::snprintf(stalled, sizeof stalled, "%.0f%%", 100.0 * stallShare(r));
    }
    const std::string label =
        r.kernel >= 0 ? r.onnxNode : "(" + r.name + ")";
    std::fprintf(out, "  %4s  %-*s  %-10s  %4lld  %10s  %10lld  %6s  %7s  %7s\n",
                 r.kernel >= 0 ? std::to_string(r.kernel).c_str() : "-",
                 int(width), label.c_str(),
                 r.scheme.empty() ? "-" : r.scheme.c_str(),
                 static_cast<long long>(r.slot),
                 r.predictedCycles >= 0
                     ? std::to_string(r.predictedCycles).c_str()
                     : "-",
                 static_cast<long long>(r.simulatedCycles), ratioText(r).c_str(),
                 compute, stalled);
  }
  int64_t send = 0, recv = 0;
  for (const ActivityRow &r : report.rows) {
    send += r.sendStallCycles;
    recv += r.recvStallCycles;
  }
  std::fprintf(out,
               "stalls: %lld PE-cycles waiting to send (router queue full), "
               "%lld waiting to receive\n",
               static_cast<long long>(send), static_cast<long long>(recv));
  if (report.links.empty()) {
    std::fprintf(out, "links: no wavelet crossed a link\n");
    return;
  }
  std::fprintf(out,
               "links: %zu used, mean utilization %.1f%% of their slot's "
               "cycles; busiest:\n",
               report.links.size(), 100.0 * meanUtilization(report));
  for (size_t i = 0; i < report.links.size() && i < 5; ++i) {
    const LinkLoadRow &l = report.links[i];
    std::fprintf(out, "  slot %lld router (%lld, %lld) %s: %lld wavelets, %.1f%%\n",
                 static_cast<long long>(l.slot), static_cast<long long>(l.x),
                 static_cast<long long>(l.y), wfb::ports::name(l.port),
                 static_cast<long long>(l.wavelets), 100.0 * l.utilization);
  }
}

std::string reportJson(const SimReport &report, size_t maxLinks) {
  std::ostringstream os;
  os.precision(6);
  os << "{\"cycles\": " << report.cycles
     << ", \"target\": " << jsonString(report.target)
     << ", \"clock_mhz\": " << report.clockHz / 1e6 << ", \"slots\": [";
  for (size_t i = 0; i < report.slots.size(); ++i) {
    const SlotRun &s = report.slots[i];
    os << (i ? ", " : "") << "{\"slot\": " << s.slot
       << ", \"cycles\": " << s.result.cycles
       << ", \"wavelet_hops\": " << s.result.hops
       << ", \"vector_elements\": " << s.result.elements
       << ", \"host_seconds\": " << s.seconds << "}";
  }
  auto row = [&](const ActivityRow &r) {
    os << "\"slot\": " << r.slot << ", \"pes\": " << r.pes
       << ", \"start_cycle\": " << r.startCycle
       << ", \"end_cycle\": " << r.endCycle
       << ", \"simulated_cycles\": " << r.simulatedCycles
       << ", \"compute_pe_cycles\": " << r.computeCycles
       << ", \"send_stall_pe_cycles\": " << r.sendStallCycles
       << ", \"recv_stall_pe_cycles\": " << r.recvStallCycles
       << ", \"programs\": [";
    for (size_t p = 0; p < r.programs.size(); ++p)
      os << (p ? ", " : "") << jsonString(r.programs[p]);
    os << "]}";
  };
  os << "], \"kernels\": [";
  bool first = true;
  for (const ActivityRow &r : report.rows) {
    if (r.kernel < 0)
      continue;
    os << (first ? "" : ", ") << "{\"name\": " << jsonString(r.name)
       << ", \"index\": " << r.kernel
       << ", \"onnx_node\": " << jsonString(r.onnxNode)
       << ", \"scheme\": " << jsonString(r.scheme)
       << ", \"predicted_cycles\": " << r.predictedCycles << ", \"ratio\": ";
    if (r.predictedCycles > 0 && r.simulatedCycles > 0)
      os << double(r.simulatedCycles) / double(r.predictedCycles);
    else
      os << "null";
    os << ", ";
    row(r);
    first = false;
  }
  os << "], \"unassigned_programs\": [";
  first = true;
  for (const ActivityRow &r : report.rows) {
    if (r.kernel >= 0)
      continue;
    os << (first ? "" : ", ") << "{\"name\": " << jsonString(r.name) << ", ";
    row(r);
    first = false;
  }
  os << "], \"links\": {\"used\": " << report.links.size()
     << ", \"mean_utilization\": " << meanUtilization(report)
     << ", \"listed\": " << std::min(maxLinks, report.links.size())
     << ", \"busiest\": [";
  for (size_t i = 0; i < report.links.size() && i < maxLinks; ++i) {
    const LinkLoadRow &l = report.links[i];
    os << (i ? ", " : "") << "{\"slot\": " << l.slot << ", \"x\": " << l.x
       << ", \"y\": " << l.y << ", \"port\": \"" << wfb::ports::name(l.port)
       << "\", \"wavelets\": " << l.wavelets
       << ", \"utilization\": " << l.utilization << "}";
  }
  os << "]}}\n";
  return os.str();
}

} // namespace wafer::sim
