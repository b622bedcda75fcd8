// OpenCV side of the shim declared in highlights_vision.h. Every exported function catches everything: a C++
// exception unwinding into the .NET runtime would take the whole process down.
#include "highlights_vision.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

#include <algorithm>
#include <exception>
#include <string>
#include <vector>

struct hv_detector {
    cv::CascadeClassifier frontal;
    cv::CascadeClassifier profile;
    cv::CascadeClassifier smile;
    bool has_profile = false;
    hv_detector_options options{};
    // Reused between frames so steady-state detection allocates nothing.
    cv::Mat equalised;
    cv::Mat profile_frame;
    cv::Mat flipped;
    cv::Mat mouth;
};

namespace {

thread_local std::string last_error;

// The lower half of every face is scaled to this size before looking for a smile, so the smile cascade sees
// mouths at one scale and its neighbour counts mean the same for near and far faces.
const cv::Size kMouthSize(96, 48);
const cv::Size kMinSmile(36, 18);

int32_t fail(int32_t code, const std::string& message) {
    last_error = message;
    return code;
}

double overlap(const cv::Rect& a, const cv::Rect& b) {
    const double shared = (a & b).area();
    const double smaller = std::min(a.area(), b.area());
    return smaller > 0 ? shared / smaller : 0.0;
}

void detect_faces(hv_detector& d, std::vector<hv_face>& found) {
    const auto& o = d.options;
    const cv::Size min_size(o.min_face_pixels, o.min_face_pixels);
    std::vector<cv::Rect> boxes;
    d.frontal.detectMultiScale(d.equalised, boxes, o.scale_factor, o.min_neighbors, cv::CASCADE_SCALE_IMAGE, min_size);
    for (const auto& b : boxes) {
        found.push_back(hv_face{b.x, b.y, b.width, b.height, HV_FACE_FRONTAL, 0, 0.0f});
    }
    if (!d.has_profile) {
        return;
    }

    // The profile cascade only knows faces turned one way; the mirrored frame finds the other side.
    const double scale = o.profile_scale;
    if (scale < 1.0) {
        cv::resize(d.equalised, d.profile_frame, cv::Size(), scale, scale, cv::INTER_AREA);
    } else {
        d.profile_frame = d.equalised;
    }
    std::vector<cv::Rect> profiles;
    d.profile.detectMultiScale(d.profile_frame, profiles, o.scale_factor, o.min_neighbors, cv::CASCADE_SCALE_IMAGE, min_size);
    cv::flip(d.profile_frame, d.flipped, 1);
    std::vector<cv::Rect> mirrored;
    d.profile.detectMultiScale(d.flipped, mirrored, o.scale_factor, o.min_neighbors, cv::CASCADE_SCALE_IMAGE, min_size);
    for (const auto& m : mirrored) {
        profiles.emplace_back(d.profile_frame.cols - m.x - m.width, m.y, m.width, m.height);
    }
    for (auto& p : profiles) {
        p = cv::Rect(cvRound(p.x / scale), cvRound(p.y / scale), cvRound(p.width / scale), cvRound(p.height / scale));
        const bool seen = std::any_of(found.begin(), found.end(), [&](const hv_face& f) {
            return overlap(cv::Rect(f.x, f.y, f.width, f.height), p) > 0.3;
        });
        if (!seen) {
            found.push_back(hv_face{p.x, p.y, p.width, p.height, HV_FACE_PROFILE, 0, 0.0f});
        }
    }
}

void detect_smile(hv_detector& d, hv_face& face) {
    const cv::Rect lower(face.x, face.y + face.height / 2, face.width, face.height - face.height / 2);
    const cv::Rect inside = lower & cv::Rect(0, 0, d.equalised.cols, d.equalised.rows);
    if (inside.width < 8 || inside.height < 4) {
        return;
    }
    cv::resize(d.equalised(inside), d.mouth, kMouthSize, 0, 0, cv::INTER_LINEAR);
    std::vector<cv::Rect> smiles;
    std::vector<int> neighbours;
    d.smile.detectMultiScale(d.mouth, smiles, neighbours, 1.1, d.options.smile_min_neighbors, cv::CASCADE_SCALE_IMAGE, kMinSmile);
    if (neighbours.empty()) {
        return;
    }
    face.smile_neighbors = *std::max_element(neighbours.begin(), neighbours.end());
    const float n = static_cast<float>(face.smile_neighbors);
    face.smile_score = n / (n + static_cast<float>(d.options.smile_min_neighbors));
}

bool load(cv::CascadeClassifier& cascade, const char* path, const char* role) {
    if (path == nullptr || !cascade.load(path) || cascade.empty()) {
        last_error = std::string("cannot load the ") + role + " cascade from " + (path ? path : "(null)");
        return false;
    }
    return true;
}

}  // namespace

extern "C" int32_t hv_abi_version(void) { return HV_ABI_VERSION; }

extern "C" hv_detector* hv_detector_create(const char* frontal_path, const char* profile_path, const char* smile_path,
                                           const hv_detector_options* options) {
    try {
        last_error.clear();
        if (options == nullptr || options->min_face_pixels < 12 || !(options->scale_factor > 1.0f) ||
            options->min_neighbors < 1 || options->smile_min_neighbors < 1 || !(options->profile_scale > 0.0f) ||
            options->profile_scale > 1.0f || options->opencv_threads < 0) {
            last_error = "invalid detector options (min_face_pixels >= 12, scale_factor > 1, min_neighbors >= 1, "
                         "smile_min_neighbors >= 1, 0 < profile_scale <= 1, opencv_threads >= 0)";
            return nullptr;
        }
        auto detector = new hv_detector();
        detector->options = *options;
        detector->has_profile = profile_path != nullptr;
        if (!load(detector->frontal, frontal_path, "frontal face") ||
            (detector->has_profile && !load(detector->profile, profile_path, "profile face")) ||
            !load(detector->smile, smile_path, "smile")) {
            delete detector;
            return nullptr;
        }
        if (options->opencv_threads > 0) {
            cv::setNumThreads(options->opencv_threads);
        }
        return detector;
    } catch (const std::exception& e) {
        last_error = std::string("creating the detector failed: ") + e.what();
    } catch (...) {
        last_error = "creating the detector failed with an unknown error";
    }
    return nullptr;
}

extern "C" int32_t hv_detect(hv_detector* detector, const uint8_t* pixels, int32_t width, int32_t height, int32_t stride,
                             hv_face* faces, int32_t capacity, int32_t* face_count) {
    try {
        last_error.clear();
        if (face_count != nullptr) {
            *face_count = 0;
        }
        if (detector == nullptr || pixels == nullptr || face_count == nullptr || (faces == nullptr && capacity > 0)) {
            return fail(HV_ERROR_ARGUMENT, "detector, pixels and face_count must not be null");
        }
        if (width <= 0 || height <= 0 || stride < width || capacity < 0) {
            return fail(HV_ERROR_ARGUMENT, "frame needs width > 0, height > 0, stride >= width and capacity >= 0");
        }
        // Wraps the caller's buffer without copying; equalizeHist writes into the detector's own image.
        const cv::Mat frame(height, width, CV_8UC1, const_cast<uint8_t*>(pixels), static_cast<size_t>(stride));
        cv::equalizeHist(frame, detector->equalised);

        std::vector<hv_face> found;
        detect_faces(*detector, found);
        std::sort(found.begin(), found.end(), [](const hv_face& a, const hv_face& b) {
            return a.width * a.height > b.width * b.height;
        });
        const auto written = std::min<size_t>(found.size(), static_cast<size_t>(capacity));
        for (size_t i = 0; i < written; ++i) {
            detect_smile(*detector, found[i]);
            faces[i] = found[i];
        }
        *face_count = static_cast<int32_t>(written);
        return HV_OK;
    } catch (const cv::Exception& e) {
        return fail(HV_ERROR_OPENCV, std::string("OpenCV: ") + e.what());
    } catch (const std::exception& e) {
        return fail(HV_ERROR_INTERNAL, e.what());
    } catch (...) {
        return fail(HV_ERROR_INTERNAL, "unknown error");
    }
}

extern "C" void hv_detector_destroy(hv_detector* detector) {
    try {
        delete detector;
    } catch (...) {
        // Destructors of OpenCV objects do not throw in practice; nothing could be reported here anyway.
    }
}

extern "C" const char* hv_last_error(void) { return last_error.c_str(); }
