//===- wafer-translate.cpp - translations into and out of Wafer IR --------===//

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/SourceMgr.h"

#include "wafer/Import/OnnxImporter.h"
#include "wafer/InitAllDialects.h"
#include "wafer/Target/Wfb.h"

static llvm::cl::list<std::string>
    dimBindings("dim", llvm::cl::desc("Bind a symbolic input dimension of an "
                                      "ONNX model (--dim seq=128)"),
                llvm::cl::value_desc("name=size"));

int main(int argc, char **argv) {
  wafer::registerWfbTranslations();
  mlir::TranslateToMLIRRegistration importOnnx(
      "import-onnx", "Import an ONNX model into the graph dialect",
      [](llvm::SourceMgr &sources,
         mlir::MLIRContext *context) -> mlir::OwningOpRef<mlir::Operation *> {
        wafer::OnnxImportOptions options;
        for (const std::string &binding : dimBindings) {
          std::string error = wafer::parseDimBinding(binding, options);
          if (!error.empty()) {
            mlir::emitError(mlir::UnknownLoc::get(context)) << error;
            return nullptr;
          }
        }
        const llvm::MemoryBuffer *model =
            sources.getMemoryBuffer(sources.getMainFileID());
        auto module = wafer::importOnnx(model->getMemBufferRef(), context,
                                        options);
        if (!module)
          return nullptr;
        return mlir::OwningOpRef<mlir::Operation *>(module.release());
      },
      [](mlir::DialectRegistry &registry) {
        wafer::registerAllDialects(registry);
      });
  return mlir::failed(mlir::mlirTranslateMain(
             argc, argv, "Wafer translation tool: --import-onnx model.onnx, --mlir-to-wfb, "
                     "--wfb-to-text model.wfb\n"))
             ? 1
             : 0;
}
