//===- WfbTranslations.cpp - wafer-translate --mlir-to-wfb|--wfb-to-text --===//

#include "wafer/Target/Wfb.h"

#include "wafer/Binary/Reader.h"
#include "wafer/Binary/TextDump.h"
#include "wafer/InitAllDialects.h"
#include "wafer/Support/IrTextChecks.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

#include <sstream>

using namespace mlir;

namespace wafer {

void registerWfbTranslations() {
  // Registered on the raw text rather than on parsed IR, so that text
  // MLIR's parser would crash on is refused first, as wafer-opt does.
  TranslateRegistration toWfb(
      "mlir-to-wfb", "write a mapped fabric.design as a kernel binary (.wfb)",
      [](const std::shared_ptr<llvm::SourceMgr> &sourceMgr,
         llvm::raw_ostream &os, MLIRContext *context) -> LogicalResult {
        const llvm::MemoryBuffer *buffer =
            sourceMgr->getMemoryBuffer(sourceMgr->getMainFileID());
        if (std::string refused = checkIrText(buffer->getBufferIdentifier(),
                                              buffer->getBuffer());
            !refused.empty()) {
          llvm::errs() << refused << "\n";
          return failure();
        }
        DialectRegistry registry;
        registerAllDialects(registry);
        context->appendDialectRegistry(registry);
        OwningOpRef<ModuleOp> module =
            parseSourceFile<ModuleOp>(*sourceMgr, ParserConfig(context));
        if (!module)
          return failure();
        // The writer needs a file it can seek in; the bytes are copied to
        // the output stream afterwards.
        SmallString<128> path;
        if (std::error_code ec =
                llvm::sys::fs::createTemporaryFile("wafer", "wfb", path))
          return module->emitError()
                 << "cannot create a temporary file: " << ec.message();
        LogicalResult written = writeWfb(*module, path);
        if (succeeded(written)) {
          auto bytes = llvm::MemoryBuffer::getFile(path, /*IsText=*/false);
          if (!bytes)
            written = module->emitError() << "cannot read back " << path;
          else
            os << (*bytes)->getBuffer();
        }
        llvm::sys::fs::remove(path);
        return written;
      });

  TranslateRegistration toText(
      "wfb-to-text", "print a kernel binary (.wfb) section by section",
      [](const std::shared_ptr<llvm::SourceMgr> &sourceMgr,
         llvm::raw_ostream &os, MLIRContext *context) -> LogicalResult {
        const llvm::MemoryBuffer *buffer =
            sourceMgr->getMemoryBuffer(sourceMgr->getMainFileID());
        std::string name = buffer->getBufferIdentifier().str();
        std::string dir = llvm::sys::path::parent_path(name).str();
        std::string error;
        auto binary = wfb::BinaryFile::fromBytes(
            buffer->getBuffer().str(), name, error, {},
            dir.empty() ? "." : dir);
        if (!binary)
          return emitError(UnknownLoc::get(context)) << error;
        std::ostringstream text;
        wfb::printBinary(*binary, text);
        os << text.str();
        return success();
      });
}

} // namespace wafer
